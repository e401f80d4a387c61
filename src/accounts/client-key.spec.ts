import { clientKeyOf, keyEpoch, keyEpochStart } from './client-key';
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
  const origin = new Date('2026-01-01T10:20:00Z');

  it('counts key epochs in days from the origin', () => {
    expect(keyEpoch(origin, origin)).toBe(0);
    expect(keyEpoch(new Date('2026-01-02T10:19:59Z'), origin)).toBe(0);
    expect(keyEpoch(new Date('2026-01-02T10:20:00Z'), origin)).toBe(1);
    expect(keyEpochStart(1, origin)).toEqual(new Date('2026-01-02T10:20:00Z'));
  });

  it('aligns fixed windows on the origin, so a window starts with the key', () => {
    expect(windowStart(new Date('2026-01-01T11:19:59Z'), 3600, origin)).toEqual(origin);
    expect(windowStart(new Date('2026-01-01T11:20:00Z'), 3600, origin)).toEqual(new Date('2026-01-01T11:20:00Z'));
    expect(windowStart(new Date('2026-01-01T10:29:00Z'), 600, origin)).toEqual(new Date('2026-01-01T10:20:00Z'));
  });
});
