/** The saved threads' cache; the service worker (sw.ts, which cannot import it) keeps it when it clears old ones. */
export const SAVED_THREADS_CACHE = 'kindred-saved-threads';
