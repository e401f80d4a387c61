import { isAllowedSocketOrigin } from './ws-origin';

describe('isAllowedSocketOrigin', () => {
  it('lets clients that send no Origin through (not browsers)', () => {
    expect(isAllowedSocketOrigin(undefined, 'forum.example:3000', [])).toBe(true);
  });

  it("allows the server's own origin, on either scheme (TLS may end at a proxy)", () => {
    expect(isAllowedSocketOrigin('http://forum.example:3000', 'forum.example:3000', [])).toBe(true);
    expect(isAllowedSocketOrigin('https://Forum.Example', 'forum.example', [])).toBe(true);
  });

  it('refuses another site, a look-alike host and an opaque origin', () => {
    expect(isAllowedSocketOrigin('https://evil.example', 'forum.example', [])).toBe(false);
    expect(isAllowedSocketOrigin('https://forum.example.evil.example', 'forum.example', [])).toBe(false);
    expect(isAllowedSocketOrigin('null', 'forum.example', [])).toBe(false);
    expect(isAllowedSocketOrigin('file:///tmp/x.html', 'forum.example', [])).toBe(false);
  });

  it('allows exactly the listed origins', () => {
    expect(isAllowedSocketOrigin('https://app.example', 'api.example', ['https://app.example'])).toBe(true);
    expect(isAllowedSocketOrigin('http://app.example', 'api.example', ['https://app.example'])).toBe(false);
  });
});
