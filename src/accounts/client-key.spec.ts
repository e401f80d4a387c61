import { clientKeyOf, keyEpoch } from './client-key';
import { windowStart } from './client-rate-window';

describe('clientKeyOf', () => {
  const key = Buffer.alloc(32, 7);

  it('is a keyed hash: the address does not appear, and another key gives another hash', () => {
    const hashed = clientKeyOf('203.0.113.7', key);
    expect(hashed).toMatch(/^[0-9a-f]{64}$/);
    expect(hashed).not.toContain('203');
    expect(clientKeyOf('203.0.113.7', Buffer.alloc(32, 8))).not.toBe(hashed);
  });

  it('counts an IPv4-mapped IPv6 address as its IPv4 form', () => {
    expect(clientKeyOf('::ffff:203.0.113.7', key)).toBe(clientKeyOf('203.0.113.7', key));
  });

  it('puts requests without an address in one bucket', () => {
    expect(clientKeyOf(undefined, key)).toBe(clientKeyOf('', key));
    expect(clientKeyOf(null, key)).not.toBe(clientKeyOf('203.0.113.7', key));
  });
});

describe('keyEpoch and windowStart', () => {
  it('changes the key epoch at each UTC day', () => {
    expect(keyEpoch(new Date('2026-01-01T23:59:59Z'))).toBe(keyEpoch(new Date('2026-01-01T00:00:00Z')));
    expect(keyEpoch(new Date('2026-01-02T00:00:00Z'))).toBe(keyEpoch(new Date('2026-01-01T00:00:00Z')) + 1);
  });

  it('aligns fixed windows', () => {
    expect(windowStart(new Date('2026-01-01T10:59:59Z'), 3600)).toEqual(new Date('2026-01-01T10:00:00Z'));
    expect(windowStart(new Date('2026-01-01T10:00:00Z'), 600)).toEqual(new Date('2026-01-01T10:00:00Z'));
  });
});
