import { methodLabel, routeLabel, statusClass } from './route-label';

describe('routeLabel', () => {
  it("labels the API's routes by their pattern", () => {
    expect(routeLabel('/graphql')).toBe('/graphql');
    expect(routeLabel('/health')).toBe('/health');
    expect(routeLabel('/health/details')).toBe('/health/details');
    expect(routeLabel('/metrics')).toBe('/metrics');
  });

  it('labels every file and page of the web client as one value', () => {
    for (const pattern of ['/', '/*', '/assets/index-3f9a1c.js', '/sw.js', '/manifest.webmanifest', '/graphqlish']) {
      expect(routeLabel(pattern)).toBe('web');
    }
  });

  it('labels a request no route matched as unmatched, whatever its URL', () => {
    expect(routeLabel(undefined)).toBe('unmatched');
    expect(routeLabel('')).toBe('unmatched');
  });
});

describe('methodLabel and statusClass', () => {
  it('keeps the usual methods and folds the rest', () => {
    expect(methodLabel('POST')).toBe('POST');
    expect(methodLabel('PROPFIND')).toBe('OTHER');
  });

  it('groups status codes by class', () => {
    expect([101, 200, 204, 304, 401, 404, 429, 500, 503].map(statusClass)).toEqual([
      '1xx',
      '2xx',
      '2xx',
      '3xx',
      '4xx',
      '4xx',
      '4xx',
      '5xx',
      '5xx',
    ]);
  });
});
