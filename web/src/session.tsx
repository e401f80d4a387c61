import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import { request } from './api/graphql';
import { ME } from './api/documents';
import { forgetSavedThreads } from './offline/saved-threads';

export type Role = 'MEMBER' | 'PEER_SUPPORTER' | 'MODERATOR' | 'ADMIN';

export interface SignedInMember {
  id: string;
  member: { id: string; pseudonym: string; role: Role; perspective: string; daysInRecovery: number | null };
  recoveryStartDate: string | null;
  shareRecoveryDays: boolean;
  suspendedUntil: string | null;
  notifications: { unreadCount: number };
  timeZone: string;
  medicationStartDate: string | null;
  pathways: string[];
  contentPreferences: Array<{ warning: string; display: 'SHOW' | 'COLLAPSE' | 'HIDE' }>;
}

interface Session {
  /** undefined while the first answer is on its way; null when signed out. */
  account: SignedInMember | null | undefined;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
  /** The session ended elsewhere (the account was deleted): forget this device's traces of it. */
  ended(): Promise<void>;
}

const SessionContext = createContext<Session>({
  account: undefined,
  refresh: async () => undefined,
  signOut: async () => undefined,
  ended: async () => undefined,
});
const UNREAD_POLL_MS = 60_000;

export function isModerator(account: SignedInMember | null | undefined): boolean {
  return account?.member.role === 'MODERATOR' || account?.member.role === 'ADMIN';
}

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [account, setAccount] = useState<SignedInMember | null | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      const data = await request<{ me: SignedInMember | null }>(ME);
      setAccount(data.me);
    } catch {
      setAccount((previous) => previous ?? null);
    }
  }, []);

  const ended = useCallback(async () => {
    // A shared device keeps nothing of this reader: saved threads and drafts go too.
    await forgetSavedThreads();
    window.sessionStorage.clear();
    setAccount(null);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await request(`mutation { signOut }`);
    } finally {
      await ended();
    }
  }, [ended]);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, UNREAD_POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  return <SessionContext.Provider value={{ account, refresh, signOut, ended }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  return useContext(SessionContext);
}
