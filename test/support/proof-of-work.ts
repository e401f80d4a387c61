import { solveChallenge } from 'altcha-lib';
import type { Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { encodeSolvedPayload } from '../../src/accounts/proof-of-work-payload';
import type { TestApp } from './test-app';

const CHALLENGE = `query { proofOfWorkChallenge { challenge algorithm maxNumber expiresAt } }`;

/** Solves a challenge as a client would (altcha-lib's own solver); tests use a small POW_MAX_NUMBER. */
export async function solve(challengeJson: string): Promise<string> {
  const challenge = JSON.parse(challengeJson) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('could not solve the proof-of-work challenge');
  return encodeSolvedPayload(challenge, solution);
}

/** Asks the API for a challenge and returns a solved payload for `proofOfWork`. */
export async function solvedProofOfWork(app: TestApp): Promise<string> {
  const response = await app.gql<{ proofOfWorkChallenge: { challenge: string } }>(CHALLENGE);
  if (!response.data) throw new Error(`proofOfWorkChallenge failed: ${JSON.stringify(response.errors)}`);
  return solve(response.data.proofOfWorkChallenge.challenge);
}
