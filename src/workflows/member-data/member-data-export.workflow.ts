import { ContentPreferencesRepository } from '../../forum/content-preferences/content-preferences.repository';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccountRecordService } from '../../accounts/account-record.service';
import { DataExportLimitService } from '../../accounts/data-export-limit.service';
import type { Viewer } from '../../common/auth/viewer';
import { CommonError } from '../../common/errors/common.errors';
import { PostingWindowsRepository } from '../../forum/repositories/posting-windows.repository';
import { PostsRepository } from '../../forum/repositories/posts.repository';
import { CheckInsRepository } from '../../checkins/repositories/check-ins.repository';
import { ReactionsRepository } from '../../forum/repositories/reactions.repository';
import { ThreadsRepository } from '../../forum/repositories/threads.repository';
import { ModerationCasesRepository } from '../../moderation/repositories/moderation-cases.repository';
import { ReportsRepository } from '../../moderation/repositories/reports.repository';
import { SanctionsRepository } from '../../moderation/repositories/sanctions.repository';
import { ConnectionsRepository } from '../../forum/connections/connections.repository';
import { NotificationsRepository } from '../../notifications/notifications.repository';
import { DraftChecksRepository } from '../../screening/draft/draft-checks.repository';
import { buildMemberDataDocument, MemberDataRows, memberDataFileName, memberDataJson } from './member-data-document';
import type { MemberDataExportType } from './member-data-export.type';

/**
 * A member's download of their own data crosses every domain, so it is a workflow: each
 * domain's rows through its own repository, all read in one REPEATABLE READ, READ ONLY
 * transaction so the document is one consistent moment (a post cannot appear without the
 * decision made on it a millisecond later), then shaped by the pure member-data-document.
 */
@Injectable()
export class MemberDataExportWorkflow {
  private readonly logger = new Logger(MemberDataExportWorkflow.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly limit: DataExportLimitService,
    private readonly accounts: AccountRecordService,
    private readonly posts: PostsRepository,
    private readonly threads: ThreadsRepository,
    private readonly reactions: ReactionsRepository,
    private readonly cases: ModerationCasesRepository,
    private readonly reports: ReportsRepository,
    private readonly sanctions: SanctionsRepository,
    private readonly notifications: NotificationsRepository,
    private readonly postingWindows: PostingWindowsRepository,
    private readonly draftChecks: DraftChecksRepository,
    private readonly connections: ConnectionsRepository,
    private readonly checkIns: CheckInsRepository,
    private readonly contentPreferences: ContentPreferencesRepository,
  ) {}

  async export(viewer: Viewer, now = new Date()): Promise<MemberDataExportType> {
    await this.limit.take(viewer.accountId);
    const rows = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return this.load(manager, viewer.accountId);
    });
    // The session was valid a moment ago; the account went in between (deleted in another tab).
    if (!rows) throw new CommonError('NOT_SIGNED_IN', 'This account no longer exists.');
    const document = buildMemberDataDocument(rows, now);
    this.logger.log(`account ${viewer.accountId} downloaded its data (${document.posts.length} post(s))`);
    return { fileName: memberDataFileName(now), generatedAt: now, json: memberDataJson(document) };
  }

  private async load(manager: EntityManager, accountId: string): Promise<MemberDataRows | null> {
    const record = await this.accounts.recordOf(manager, accountId);
    if (!record) return null;
    const posts = await this.posts.allByAuthor(manager, accountId);
    const threads = await this.threads.findByIds([...new Set(posts.map((post) => post.threadId))], manager);
    return {
      record,
      posts,
      threadSpaces: new Map(threads.map((thread) => [thread.id, thread.spaceId])),
      decisions: await this.cases.decisionsOnPosts(
        manager,
        posts.map((post) => post.id),
      ),
      reactions: await this.reactions.givenBy(manager, accountId),
      reports: await this.reports.filedBy(manager, accountId),
      sanctions: await this.sanctions.ofMember(manager, accountId),
      notifications: await this.notifications.allForAccount(manager, accountId),
      draftChecks: await this.draftChecks.timesOf(manager, accountId),
      edits: await this.postingWindows.editTimesOf(manager, accountId),
      connections: await this.connections.allOf(manager, accountId),
      checkIns: await this.checkIns.allOfAccount(accountId, manager),
      contentPreferences: await this.contentPreferences.of(accountId, manager),
    };
  }
}
