import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import type { Viewer } from '../common/auth/viewer';
import { PostEntity } from './post.entity';
import { PostKind } from './post-status';
import { publicPostCondition } from './post-visibility';
import { ReactionKind } from './reaction.entity';
import { ReactionCount, reactionCounts } from './reaction-counts';
import { SpaceEntity } from './space.entity';
import { ThreadEntity } from './thread.entity';

/**
 * The forum's per-request DataLoaders: one SQL statement per relation per page, whatever
 * the page size. Created per request (and so per viewer): `reactionsByPost` answers
 * viewerReacted for the viewer the loaders were made for.
 */
export interface ForumLoaders {
  spaceById: DataLoader<string, SpaceEntity | null>;
  threadById: DataLoader<string, ThreadEntity | null>;
  postById: DataLoader<string, PostEntity | null>;
  /** Published, not hidden replies per thread id. */
  replyCountByThread: DataLoader<string, number>;
  /** All three kinds per post id, with counts and whether this viewer reacted. */
  reactionsByPost: DataLoader<string, ReactionCount[]>;
  /** Published, not hidden threads per space id. */
  threadCountBySpace: DataLoader<string, number>;
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): Array<T | null> {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

function counts(ids: readonly string[], rows: Array<{ key: string; count: number | string }>): number[] {
  const map = new Map(rows.map((row) => [row.key, Number(row.count)]));
  return ids.map((id) => map.get(id) ?? 0);
}

@Injectable()
export class ForumLoadersFactory {
  constructor(private readonly dataSource: DataSource) {}

  create(viewer: Viewer | null): ForumLoaders {
    const ds = this.dataSource;
    return {
      spaceById: new DataLoader(async (ids) => byId(ids, await ds.getRepository(SpaceEntity).findBy({ id: In([...ids]) }))),
      threadById: new DataLoader(async (ids) => byId(ids, await ds.getRepository(ThreadEntity).findBy({ id: In([...ids]) }))),
      postById: new DataLoader(async (ids) => byId(ids, await ds.getRepository(PostEntity).findBy({ id: In([...ids]) }))),
      replyCountByThread: new DataLoader(async (ids) =>
        counts(
          ids,
          await ds.query(
            `SELECT p.thread_id AS key, count(*)::int AS count FROM post p
              WHERE p.thread_id = ANY($1::uuid[]) AND p.kind = '${PostKind.REPLY}' AND ${publicPostCondition('p')}
              GROUP BY p.thread_id`,
            [ids],
          ),
        ),
      ),
      threadCountBySpace: new DataLoader(async (ids) =>
        counts(
          ids,
          await ds.query(
            `SELECT t.space_id AS key, count(*)::int AS count FROM thread t JOIN post p ON p.id = t.id
              WHERE t.space_id = ANY($1::uuid[]) AND ${publicPostCondition('p')}
              GROUP BY t.space_id`,
            [ids],
          ),
        ),
      ),
      reactionsByPost: new DataLoader(async (ids) => {
        const rows: Array<{ postId: string; kind: ReactionKind; count: number; viewerReacted: boolean }> = await ds.query(
          `SELECT r.post_id AS "postId", r.kind, count(*)::int AS count, coalesce(bool_or(r.account_id = $2::uuid), false) AS "viewerReacted"
             FROM reaction r WHERE r.post_id = ANY($1::uuid[]) GROUP BY r.post_id, r.kind`,
          [ids, viewer?.accountId ?? null],
        );
        return ids.map((id) => reactionCounts(rows.filter((row) => row.postId === id)));
      }),
    };
  }
}

declare module '../common/graphql/loaders' {
  interface Loaders {
    forum: ForumLoaders;
  }
}
