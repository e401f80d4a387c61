/**
 * The house account that opens each day's check-in thread (created by the CheckIns
 * migration): the server's own words, so its posts are published without screening. No
 * passphrase matches it, so nobody can sign in as it.
 */
export const HOUSE_ACCOUNT_ID = '00000000-0000-4000-8000-00000000c4ec';

/** The space the daily threads open in (seeded by the same migration). */
export const CHECK_IN_SPACE_SLUG = 'check-ins';
