import type { TestApp } from './test-app';
import { waitFor } from './wait';

export const START_THREAD = `mutation Start($input: StartThreadInput!) {
  startThread(input: $input) { id status title body }
}`;

const POST_STATUS = `query Thread($id: ID!) { thread(id: $id) { id status } }`;

export async function firstSpaceId(app: TestApp): Promise<string> {
  const response = await app.gql<{ spaces: Array<{ id: string }> }>('{ spaces { id } }');
  if (!response.data) throw new Error(JSON.stringify(response.errors));
  return response.data.spaces[0].id;
}

export async function startThread(app: TestApp, token: string, body: string, title = 'A thread'): Promise<{ id: string; status: string }> {
  const response = await app.gql<{ startThread: { id: string; status: string } }>(START_THREAD, { input: { spaceId: await firstSpaceId(app), title, body } }, token);
  if (!response.data) throw new Error(`startThread failed: ${JSON.stringify(response.errors)}`);
  return response.data.startThread;
}

/** Waits until screening moved the thread out of PENDING, as seen by its author. */
export async function waitForScreened(app: TestApp, token: string, threadId: string, timeoutMs = 15_000): Promise<string> {
  return waitFor(async () => {
    const response = await app.gql<{ thread: { status: string } | null }>(POST_STATUS, { id: threadId }, token);
    const status = response.data?.thread?.status;
    return status && status !== 'PENDING' ? status : null;
  }, timeoutMs);
}
