import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { dateColumn, nullableStringColumn, rowsOf, stringColumn } from '../../database/sql-result';
import { SANCTIONS } from '../sanction-rules';

/** What an admin's lift of a sanction is called in the audit log. */
export const LIFTS = ['LIFT_SUSPENSION', 'LIFT_BAN'] as const;

/** A sanction on a member, or its lift, as the audit log keeps it (without who decided it). */
export interface SanctionEntry {
  action: (typeof SANCTIONS)[number] | (typeof LIFTS)[number];
  reason: string | null;
  at: Date;
}

const ACTIONS: readonly string[] = [...SANCTIONS, ...LIFTS];

function isSanctionAction(value: string): value is SanctionEntry['action'] {
  return ACTIONS.includes(value);
}

/** Sanctions on members as the audit log records them (the log itself belongs to audit/; moderation reads its own actions). */
@Injectable()
export class SanctionsRepository {
  /** The member's sanctions and lifts, oldest first; never moderator_id nor internal_note. */
  async ofMember(manager: EntityManager, accountId: string): Promise<SanctionEntry[]> {
    const rows = rowsOf(
      await manager.query(
        `SELECT action, note, created_at FROM moderation_action
          WHERE subject_id = $1 AND action = ANY($2::text[])
          ORDER BY created_at, id`,
        [accountId, ACTIONS],
      ),
    );
    return rows.map((row) => {
      const action = stringColumn(row, 'action');
      if (!isSanctionAction(action)) throw new Error('the sanctions query returned another action');
      return { action, reason: nullableStringColumn(row, 'note'), at: dateColumn(row, 'created_at') };
    });
  }
}
