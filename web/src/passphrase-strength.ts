/**
 * A hint, not a gate (the API enforces the minimum length): long passphrases of several words
 * beat short clever ones. Scores 0 (too short) to 3 (strong).
 */
export const PASSPHRASE_MIN = 12;

export type Strength = 0 | 1 | 2 | 3;

export function passphraseStrength(passphrase: string): Strength {
  if (passphrase.length < PASSPHRASE_MIN) return 0;
  const words = passphrase
    .trim()
    .split(/[\s\-_.,]+/)
    .filter((word) => word.length >= 3).length;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9\s]/].filter((pattern) => pattern.test(passphrase)).length;
  const repeated = /(.)\1{3,}/.test(passphrase) || new Set(passphrase.toLowerCase()).size < 6;
  if (repeated) return 1;
  if (passphrase.length >= 20 && (words >= 4 || kinds >= 3)) return 3;
  if (passphrase.length >= 16 || words >= 3 || kinds >= 3) return 2;
  return 1;
}
