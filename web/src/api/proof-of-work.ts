import { request } from './graphql';

interface ChallengeData {
  proofOfWorkChallenge: { challenge: string };
}

/**
 * Solves the API's ALTCHA challenge in the browser (Web Crypto), for when register or signIn
 * answer RATE_LIMITED with proofOfWorkRequired. Loaded only then, so nobody downloads the solver
 * who never needs it.
 */
export async function solvedProofOfWork(): Promise<string> {
  const [{ solveChallenge }, { deriveKey }] = await Promise.all([import('altcha-lib'), import('altcha-lib/algorithms/web/sha')]);
  const data = await request<ChallengeData>(`query { proofOfWorkChallenge { challenge } }`);
  const challenge = JSON.parse(data.proofOfWorkChallenge.challenge);
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('proof of work not solved');
  return JSON.stringify({ challenge, solution });
}
