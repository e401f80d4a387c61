import type { EntityManager } from 'typeorm';
import { loadConfig } from '../config/config';
import { Role } from '../common/auth/role';
import type { NewSession, SessionHolder, SessionsRepository } from './repositories/sessions.repository';
import { SessionsService } from './sessions.service';

const MANAGER = {} as EntityManager;

/** Sessions kept in memory by token hash, as the session table keeps them. */
function setUp(env: Record<string, string> = {}) {
  const stored: Array<NewSession & { id: string }> = [];
  const lookups: string[] = [];
  const repository = {
    insert: async (_manager: EntityManager, session: NewSession) => {
      const id = `session-${stored.length + 1}`;
      stored.push({ ...session, id });
      return id;
    },
    findHolderAndCountActiveDay: async (tokenHash: string): Promise<SessionHolder | null> => {
      lookups.push(tokenHash);
      const session = stored.find((candidate) => candidate.tokenHash === tokenHash);
      return session
        ? { sessionId: session.id, accountId: session.accountId, role: Role.MEMBER, suspendedUntil: null, hiddenAuthorIds: [] }
        : null;
    },
  } as unknown as SessionsRepository;
  return { service: new SessionsService(repository, loadConfig(env)), stored, lookups };
}

describe('SessionsService', () => {
  it('recognises the holder of a token it issued, with or without the Bearer prefix', async () => {
    const { service } = setUp();
    const issued = await service.issue(MANAGER, 'account-1');
    await expect(service.viewerForToken(issued.token)).resolves.toMatchObject({
      accountId: 'account-1',
      sessionId: issued.sessionId,
      role: Role.MEMBER,
    });
    await expect(service.viewerForToken(`Bearer ${issued.token}`)).resolves.toMatchObject({ accountId: 'account-1' });
  });

  it('stores only a hash of the token, so the stored value cannot be used to sign in', async () => {
    const { service, stored } = setUp();
    const issued = await service.issue(MANAGER, 'account-1');
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).not.toContain(issued.token);
    await expect(service.viewerForToken(stored[0].tokenHash)).resolves.toBeNull();
  });

  it('gives every sign-in its own token', async () => {
    const { service } = setUp();
    const first = await service.issue(MANAGER, 'account-1');
    const second = await service.issue(MANAGER, 'account-1');
    expect(first.token).not.toBe(second.token);
  });

  it('makes a session last SESSION_TTL_DAYS', async () => {
    const { service } = setUp({ SESSION_TTL_DAYS: '7' });
    const now = new Date('2026-11-30T08:00:00Z');
    const issued = await service.issue(MANAGER, 'account-1', now);
    expect(issued.expiresAt).toEqual(new Date('2026-12-07T08:00:00Z'));
  });

  it('refuses a missing or malformed token without looking it up', async () => {
    const { service, lookups } = setUp();
    for (const token of [null, undefined, '', 'Bearer ', 'not-a-token', 'a'.repeat(42), `${'a'.repeat(42)}!`, 'a'.repeat(44)]) {
      await expect(service.viewerForToken(token)).resolves.toBeNull();
    }
    expect(lookups).toEqual([]);
  });

  it('does not recognise an unknown well-formed token', async () => {
    const { service } = setUp();
    await expect(service.viewerForToken('a'.repeat(43))).resolves.toBeNull();
  });
});
