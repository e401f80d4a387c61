import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeletionMode } from '../accounts/account-enums';
import { AccountsService } from '../accounts/accounts.service';
import type { Viewer } from '../common/auth/viewer';
import { PostsRepository } from '../forum/repositories/posts.repository';

/**
 * A member deleting their account crosses accounts and forum, in one transaction after the
 * passphrase check: ERASE removes every post they wrote; ANONYMIZE removes the unpublished
 * ones and keeps the published ones with no author. Then the account goes, and with it
 * sessions, codes, reactions and notifications.
 *
 * The decision examples kept for screening's training go with the posts they label
 * (decision_example.post_id is ON DELETE CASCADE), in this same transaction. ANONYMIZE keeps
 * the examples of the published posts it keeps: their words stay readable by everyone, an
 * example holds no author and no copy of the text, and it still goes when the post does.
 */
@Injectable()
export class AccountDeletionWorkflow {
  private readonly logger = new Logger(AccountDeletionWorkflow.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly posts: PostsRepository,
  ) {}

  async deleteAccount(viewer: Viewer, passphrase: string, mode: DeletionMode): Promise<boolean> {
    const deletion = await this.accounts.checkDeletion(viewer, passphrase);
    await this.dataSource.transaction(async (manager) => {
      await this.posts.deleteByAuthor(manager, deletion.accountId, { keepPublished: mode === DeletionMode.ANONYMIZE });
      await this.accounts.delete(manager, deletion);
    });
    this.logger.log(`account ${deletion.accountId} deleted (${mode})`);
    return true;
  }
}
