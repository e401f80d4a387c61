/**
 * Threads a reader saved for offline reading: a snapshot of the published thread and its
 * replies, kept in Cache Storage (the service worker's store) on this device only. Signing
 * out forgets them, so a shared device shows nobody what another person read.
 */
import { SAVED_THREADS_CACHE } from './cache-names';

const PREFIX = '/offline/threads/';

export interface SavedThread {
  id: string;
  title: string;
  savedAt: string;
  // The thread as the reader saw it: the same shape the thread page reads.
  thread: unknown;
}

function available(): boolean {
  return typeof caches !== 'undefined';
}

export async function saveThread(saved: SavedThread): Promise<boolean> {
  if (!available()) return false;
  const cache = await caches.open(SAVED_THREADS_CACHE);
  await cache.put(
    PREFIX + encodeURIComponent(saved.id),
    new Response(JSON.stringify(saved), { headers: { 'content-type': 'application/json' } }),
  );
  return true;
}

export async function savedThread(id: string): Promise<SavedThread | null> {
  if (!available()) return null;
  const cache = await caches.open(SAVED_THREADS_CACHE);
  const response = await cache.match(PREFIX + encodeURIComponent(id));
  return response ? ((await response.json()) as SavedThread) : null;
}

export async function savedThreads(): Promise<SavedThread[]> {
  if (!available()) return [];
  const cache = await caches.open(SAVED_THREADS_CACHE);
  const keys = await cache.keys();
  const all = await Promise.all(keys.map(async (key) => ((await (await cache.match(key))?.json()) as SavedThread | undefined) ?? null));
  return all.filter((entry): entry is SavedThread => entry !== null).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function removeSavedThread(id: string): Promise<void> {
  if (!available()) return;
  const cache = await caches.open(SAVED_THREADS_CACHE);
  await cache.delete(PREFIX + encodeURIComponent(id));
}

export async function forgetSavedThreads(): Promise<void> {
  if (available()) await caches.delete(SAVED_THREADS_CACHE);
}

export function offlineSupported(): boolean {
  return available();
}
