import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountRecordService } from '../accounts/account-record.service';
import { CheckInsRepository } from '../checkins/repositories/check-ins.repository';
import type { CheckInEntity } from '../checkins/check-in.entity';
import { CheckInCommand, CheckInDraft, CheckInsService, privateBody, sharedBody } from '../checkins/check-ins.service';
import { checkInErrors } from '../checkins/checkins.errors';
import { CHECK_IN_SPACE_SLUG, HOUSE_ACCOUNT_ID } from '../checkins/house-account';
import { dayNumber, dayTitle } from '../checkins/local-day';
import { assertNotSuspended } from '../common/auth/auth.guard';
import type { Viewer } from '../common/auth/viewer';
import { ADVISORY_LOCK } from '../database/advisory-locks';
import { PostKind, PostStatus } from '../forum/post-status';
import { RepliesService } from '../forum/replies.service';
import { PostsRepository } from '../forum/repositories/posts.repository';
import { SpacesRepository } from '../forum/repositories/spaces.repository';
import { ThreadsRepository } from '../forum/repositories/threads.repository';
import { ScreeningQueueService } from '../screening/screening-queue.service';

export interface CheckInRequest extends CheckInCommand {
  share: boolean;
  shareNote: boolean;
}

const THREAD_BODY =
  "Good to see you here. How is today going? If you like, share how today feels and one small intention for the day. Every day counts, including the hard ones, and there is no wrong answer. Please be gentle with each other's check-ins.";

/**
 * Crosses check-ins, forum and screening: writes a member's check-in with the private post
 * that carries its words, queues those words for screening like any post, and shares the
 * check-in to the day's thread when the member asks. Also opens each UTC day's check-in
 * thread, once, whatever the number of instances.
 */
@Injectable()
export class CheckInWorkflow {
  private readonly logger = new Logger(CheckInWorkflow.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly checkIns: CheckInsService,
    private readonly checkInRows: CheckInsRepository,
    private readonly posts: PostsRepository,
    private readonly threads: ThreadsRepository,
    private readonly spaces: SpacesRepository,
    private readonly replies: RepliesService,
    private readonly screeningQueue: ScreeningQueueService,
    private readonly accounts: AccountRecordService,
  ) {}

  /**
   * One check-in per member and local day. The check-in row and its PENDING private post
   * commit together: that commit is the promise (ARCHITECTURE.md, "Never lose a post"); the
   * screening job follows it and the sweeper heals a lost one, exactly as for posts, so a
   * crisis in a check-in reaches moderators as an URGENT case through the same path.
   */
  async checkIn(viewer: Viewer, input: CheckInRequest): Promise<CheckInEntity> {
    // The member's own day: the zone this request names, else the one saved on their profile.
    const saved = input.timeZone?.trim() ? null : await this.accounts.timeZoneOf(viewer.accountId);
    const draft = this.checkIns.draft(saved ? { ...input, timeZone: saved } : input);
    if (await this.checkInRows.findByAccountDay(viewer.accountId, draft.localDate)) throw checkInErrors.alreadyCheckedIn();
    const threadId = await this.dayThread(draft.threadDay);

    const { checkIn, postId, revision } = await this.dataSource.transaction(async (manager) => {
      const post = await this.posts.insert(manager, {
        kind: PostKind.CHECK_IN,
        threadId,
        authorId: viewer.accountId,
        title: null,
        body: privateBody(draft),
        status: PostStatus.PENDING,
        contentWarnings: [],
      });
      const row = await this.checkInRows.insert(manager, {
        accountId: viewer.accountId,
        localDate: draft.localDate,
        timeZone: draft.timeZone,
        mood: draft.mood,
        intention: draft.intention,
        note: draft.note,
        postId: post.id,
      });
      // A racing request for the same day committed first: this one (and its post) rolls back.
      if (!row) throw checkInErrors.alreadyCheckedIn();
      return { checkIn: row, postId: post.id, revision: post.revision };
    });
    await this.screeningQueue.enqueuePost(postId, revision);

    if (input.share) await this.share(viewer, checkIn, draft, input.shareNote, threadId);
    return checkIn;
  }

  /**
   * The shared reply goes through the normal reply lifecycle (PENDING, screened, then
   * published). The check-in is already kept; a refused share (a suspension, the posting
   * rate limit, a locked thread) leaves it unshared rather than failing it, and the client
   * sees sharedReply null.
   */
  private async share(viewer: Viewer, checkIn: CheckInEntity, draft: CheckInDraft, includeNote: boolean, threadId: string): Promise<void> {
    try {
      assertNotSuspended(viewer);
      const reply = await this.replies.reply(viewer, { threadId, body: sharedBody(draft, includeNote) });
      await this.checkInRows.setSharedPost(checkIn.id, reply.id);
      checkIn.sharedPostId = reply.id;
    } catch (error) {
      this.logger.warn(`check-in ${checkIn.id} was kept but not shared: ${(error as Error).name}`);
    }
  }

  /** Today's (UTC) check-in thread, opened now if nobody has yet. */
  async todaysThread(): Promise<string> {
    return this.dayThread(this.checkIns.today());
  }

  /**
   * The thread of one UTC day, opened at first need (lazily: a day nobody checks in or asks
   * for it has no empty thread). Exactly once: a two-key advisory lock on the day serializes
   * openers on every instance, the loser finds the winner's row, and check_in_day's primary
   * key would refuse a second row anyway.
   */
  async dayThread(day: string): Promise<string> {
    const known = await this.checkInRows.findDay(this.dataSource.manager, day);
    if (known) return known.threadId;
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1::int, $2::int)', [ADVISORY_LOCK.CHECK_IN_DAY, dayNumber(day)]);
      const existing = await this.checkInRows.findDay(manager, day);
      if (existing) return existing.threadId;
      const space = await this.spaces.findBySlug(CHECK_IN_SPACE_SLUG);
      if (!space) throw new Error(`the ${CHECK_IN_SPACE_SLUG} space is missing (migration CheckIns)`);
      const id = randomUUID();
      // The server's own words: published as written, without screening.
      await this.posts.insert(manager, {
        id,
        kind: PostKind.THREAD,
        threadId: id,
        authorId: HOUSE_ACCOUNT_ID,
        title: `Daily check-in: ${dayTitle(day)}`,
        body: THREAD_BODY,
        status: PostStatus.PUBLISHED,
        contentWarnings: [],
      });
      await this.posts.update(manager, id, { publishedAt: new Date() });
      await this.threads.insert(manager, { id, spaceId: space.id });
      await this.checkInRows.insertDay(manager, day, id);
      this.logger.log(`opened the check-in thread of ${day}`);
      return id;
    });
  }
}
