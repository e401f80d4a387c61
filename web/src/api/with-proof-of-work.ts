import { ApiError, request } from './graphql';

/**
 * Sends a register or signIn mutation; when the API asks for proof of work (many attempts
 * from one network), solves a challenge and sends once more. `onWorking` lets the page say so.
 */
export async function withProofOfWork<T>(document: string, input: Record<string, unknown>, onWorking: () => void): Promise<T> {
  try {
    return await request<T>(document, { input });
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'RATE_LIMITED' || !error.extensions.proofOfWorkRequired) throw error;
    onWorking();
    const { solvedProofOfWork } = await import('./proof-of-work');
    return request<T>(document, { input: { ...input, proofOfWork: await solvedProofOfWork() } });
  }
}
