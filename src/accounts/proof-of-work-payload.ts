import type { Challenge, Solution } from 'altcha-lib';

/**
 * The pure part of proof of work: reading the solved payload a client sends back. ALTCHA
 * widgets send base64 of the JSON `{ challenge, solution }`; plain JSON is taken too.
 * Anything else is null: a malformed payload is an invalid one, never a crash.
 */
export interface SolvedPayload {
  challenge: Challenge;
  solution: Solution;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseSolvedPayload(raw: string): SolvedPayload | null {
  const text = raw.trim();
  const json = text.startsWith('{') ? text : Buffer.from(text, 'base64').toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || !isRecord(parsed.challenge) || !isRecord(parsed.solution)) return null;
  const { challenge, solution } = parsed;
  if (!isRecord(challenge.parameters) || typeof challenge.signature !== 'string') return null;
  if (typeof challenge.parameters.expiresAt !== 'number') return null; // ours always expire: a spent one is kept only until then
  if (typeof solution.counter !== 'number' || typeof solution.derivedKey !== 'string') return null;
  return { challenge: challenge as unknown as Challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } };
}

/** What a client is handed: the challenge as ALTCHA's widget expects it, as JSON. */
export function encodeChallenge(challenge: Challenge): string {
  return JSON.stringify({ parameters: challenge.parameters, signature: challenge.signature });
}

/** What a client sends back, in the widget's format. */
export function encodeSolvedPayload(challenge: Challenge, solution: Solution): string {
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}
