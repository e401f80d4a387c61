import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ReactionEntity } from '../reaction.entity';
import { ReactionKind } from '../reaction-kind';
import { numberOf, Row, textOf } from './row-values';

/** How many reactions of one kind a post has, and whether the viewer gave one of them. */
export interface ReactionTally {
  postId: string;
  kind: ReactionKind;
  count: number;
  viewerReacted: boolean;
}

function isReactionKind(value: string): value is ReactionKind {
  return (Object.values(ReactionKind) as string[]).includes(value);
}

function toTally(row: Row): ReactionTally {
  const kind = textOf(row, 'kind');
  if (!isReactionKind(kind)) throw new Error(`unknown reaction kind ${kind}`);
  return { postId: textOf(row, 'postId'), kind, count: numberOf(row, 'count'), viewerReacted: row.viewerReacted === true };
}

/** The reaction table: one row per (post, account, kind), so reacting is idempotent. */
@Injectable()
export class ReactionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds the reaction unless the account already gave it. */
  async add(postId: string, accountId: string, kind: ReactionKind): Promise<void> {
    await this.dataSource.createQueryBuilder().insert().into(ReactionEntity).values({ postId, accountId, kind }).orIgnore().execute();
  }

  async remove(postId: string, accountId: string, kind: ReactionKind): Promise<void> {
    await this.dataSource.manager.delete(ReactionEntity, { postId, accountId, kind });
  }

  /** The reactions the account gave, oldest first (the member's data export). */
  givenBy(manager: EntityManager, accountId: string): Promise<ReactionEntity[]> {
    return manager.find(ReactionEntity, { where: { accountId }, order: { createdAt: 'ASC', postId: 'ASC', kind: 'ASC' } });
  }

  /** The kinds each post has reactions of, with counts and whether `viewerId` reacted; one statement. */
  async talliesByPost(postIds: readonly string[], viewerId: string | null): Promise<ReactionTally[]> {
    const rows = (await this.dataSource.query(
      `SELECT r.post_id AS "postId", r.kind, count(*)::int AS count, coalesce(bool_or(r.account_id = $2::uuid), false) AS "viewerReacted"
         FROM reaction r WHERE r.post_id = ANY($1::uuid[]) GROUP BY r.post_id, r.kind`,
      [postIds, viewerId],
    )) as Row[];
    return rows.map(toTally);
  }
}
