import { createHash } from 'node:crypto';

/**
 * Recovery codes: 12 characters from Crockford's base-32 alphabet (no i, l, o or u, so
 * nothing is mistaken for 1 or 0), shown as xxxx-xxxx-xxxx. 60 random bits each: enough
 * for a fast hash, since nobody can try 2^60 codes against the throttled API, and the hash
 * includes the account id so that one table of guesses cannot serve every account.
 */
export const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const RECOVERY_CODE_CHARS = 12;
const GROUP = 4;

/** Formats 12 random bytes as a code. 256 is a multiple of 32, so `byte & 31` is uniform. */
export function formatRecoveryCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < RECOVERY_CODE_CHARS) throw new Error(`need ${RECOVERY_CODE_CHARS} random bytes`);
  let chars = '';
  for (let i = 0; i < RECOVERY_CODE_CHARS; i++) chars += RECOVERY_ALPHABET[randomBytes[i] & 31];
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += GROUP) groups.push(chars.slice(i, i + GROUP));
  return groups.join('-');
}

/**
 * What the member typed, made canonical: case, spaces and dashes do not matter, and the
 * letters people confuse with digits are read as those digits (Crockford's rules).
 * Null when it cannot be a code at all.
 */
export function normalizeRecoveryCode(typed: string): string | null {
  const compact = typed.toLowerCase().replace(/[\s-]/g, '').replace(/[o]/g, '0').replace(/[il]/g, '1');
  if (compact.length !== RECOVERY_CODE_CHARS) return null;
  for (const char of compact) if (!RECOVERY_ALPHABET.includes(char)) return null;
  return compact;
}

/** The stored form: SHA-256 hex of account id and canonical code. */
export function hashRecoveryCode(accountId: string, canonicalCode: string): string {
  return createHash('sha256').update(`${accountId}:${canonicalCode}`).digest('hex');
}
