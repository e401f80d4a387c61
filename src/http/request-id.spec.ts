import { requestIdFor } from './request-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestIdFor', () => {
  it("keeps a proxy's short safe id", () => {
    expect(requestIdFor('edge-7f3a9c01')).toBe('edge-7f3a9c01');
    expect(requestIdFor('0b6f4c1e-6f5e-4c39-9a1c-1f2d3e4f5a6b')).toBe('0b6f4c1e-6f5e-4c39-9a1c-1f2d3e4f5a6b');
    expect(requestIdFor('trace.1:span_2')).toBe('trace.1:span_2');
  });

  it('replaces a missing, repeated, long or unsafe id with a new UUID', () => {
    for (const header of [undefined, '', ['a', 'b'], 'x'.repeat(65), 'has space', 'line\nbreak', '{"json":1}', '-leading', 'é']) {
      expect(requestIdFor(header)).toMatch(UUID);
    }
  });
});
