import { randomBytes } from 'node:crypto';
import { formatRecoveryCode, hashRecoveryCode, normalizeRecoveryCode, RECOVERY_ALPHABET } from './recovery-code-format';

describe('recovery code format', () => {
  it('has 32 unambiguous symbols', () => {
    expect(new Set(RECOVERY_ALPHABET).size).toBe(32);
    for (const ambiguous of 'ilou') expect(RECOVERY_ALPHABET).not.toContain(ambiguous);
  });

  it('formats as xxxx-xxxx-xxxx', () => {
    for (let i = 0; i < 200; i++)
      expect(formatRecoveryCode(randomBytes(12))).toMatch(/^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/);
  });

  it('maps bytes to symbols deterministically', () => {
    expect(formatRecoveryCode(Uint8Array.from([0, 1, 2, 3, 31, 32, 33, 255, 10, 11, 12, 13]))).toBe('0123-z01z-abcd');
  });

  it('reads back what it wrote', () => {
    const code = formatRecoveryCode(randomBytes(12));
    expect(normalizeRecoveryCode(code)).toBe(code.replace(/-/g, ''));
  });

  it('forgives case, spaces, dashes and look-alike letters', () => {
    expect(normalizeRecoveryCode(' 0123-Z01Z-ABCD ')).toBe('0123z01zabcd');
    expect(normalizeRecoveryCode('o123 zolz abcd')).toBe('0123z01zabcd');
    expect(normalizeRecoveryCode('0123zI1zabcd')).toBe('0123z11zabcd');
  });

  it('refuses what cannot be a code', () => {
    expect(normalizeRecoveryCode('')).toBeNull();
    expect(normalizeRecoveryCode('0123-z01z-abc')).toBeNull();
    expect(normalizeRecoveryCode('0123-z01z-abcu')).toBeNull();
    expect(normalizeRecoveryCode('0123-z01z-abc!')).toBeNull();
  });

  it('hashes per account', () => {
    const code = '0123z01zabcd';
    expect(hashRecoveryCode('a', code)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode('a', code)).not.toBe(hashRecoveryCode('b', code));
    expect(hashRecoveryCode('a', code)).not.toContain(code);
  });
});
