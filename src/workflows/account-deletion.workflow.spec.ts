import type { DataSource, EntityManager } from 'typeorm';
import type { AccountDeletion, AccountsService } from '../accounts/accounts.service';
import { DeletionMode } from '../accounts/account-enums';
import type { Viewer } from '../common/auth/viewer';
import { Role } from '../common/auth/role';
import type { PostsRepository } from '../forum/repositories/posts.repository';
import { AccountDeletionWorkflow } from './account-deletion.workflow';

const VIEWER: Viewer = { accountId: 'account-1', sessionId: 'session-1', role: Role.MEMBER, suspendedUntil: null };

/** What ran, in order, and inside which transaction: enough to see that posts and account go together. */
function setUp(check: () => Promise<AccountDeletion>) {
  const log: string[] = [];
  const manager = { name: 'transaction' } as unknown as EntityManager;
  const dataSource = {
    transaction: async <T>(work: (transactional: EntityManager) => Promise<T>) => {
      log.push('begin');
      const result = await work(manager);
      log.push('commit');
      return result;
    },
  } as unknown as DataSource;
  const inTransaction = (used: EntityManager) => (used === manager ? '' : ' OUTSIDE THE TRANSACTION');
  const accounts: Pick<AccountsService, 'checkDeletion' | 'delete'> = {
    checkDeletion: async () => {
      log.push('check passphrase');
      return check();
    },
    delete: async (used, deletion) => {
      log.push(`delete account ${deletion.accountId}${inTransaction(used)}`);
    },
  };
  const posts: Pick<PostsRepository, 'deleteByAuthor'> = {
    deleteByAuthor: async (used, authorId, options) => {
      log.push(`delete ${options.keepPublished ? 'unpublished' : 'all'} posts of ${authorId}${inTransaction(used)}`);
    },
  };
  const workflow = new AccountDeletionWorkflow(dataSource, accounts as AccountsService, posts as PostsRepository);
  return { workflow, log };
}

const checked = async (): Promise<AccountDeletion> => ({ accountId: 'account-1', throttleKey: 'key' });

describe('AccountDeletionWorkflow', () => {
  it('ERASE: checks the passphrase, then removes every post and the account in one transaction', async () => {
    const { workflow, log } = setUp(checked);
    await expect(workflow.deleteAccount(VIEWER, 'the passphrase', DeletionMode.ERASE)).resolves.toBe(true);
    expect(log).toEqual(['check passphrase', 'begin', 'delete all posts of account-1', 'delete account account-1', 'commit']);
  });

  it('ANONYMIZE: keeps the published posts (they lose their author) and removes the rest', async () => {
    const { workflow, log } = setUp(checked);
    await workflow.deleteAccount(VIEWER, 'the passphrase', DeletionMode.ANONYMIZE);
    expect(log).toContain('delete unpublished posts of account-1');
  });

  it('deletes nothing when the passphrase check refuses', async () => {
    const { workflow, log } = setUp(async () => {
      throw new Error('WRONG_PASSPHRASE');
    });
    await expect(workflow.deleteAccount(VIEWER, 'wrong', DeletionMode.ERASE)).rejects.toThrow('WRONG_PASSPHRASE');
    expect(log).toEqual(['check passphrase']);
  });
});
