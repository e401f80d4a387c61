import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { ModerationActionEntity } from './moderation-action.entity';

export interface AuditEntry {
  action: string;
  caseId?: string | null;
  postId?: string | null;
  subjectId?: string | null;
  moderatorId?: string | null;
  note?: string | null;
  internalNote?: string | null;
}

/**
 * Appends to the moderation history. There is deliberately no update or delete here or
 * anywhere else; the database refuses them too (see the InitialSchema trigger).
 */
@Injectable()
export class AuditLogService {
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.insert(ModerationActionEntity, {
      action: entry.action,
      caseId: entry.caseId ?? null,
      postId: entry.postId ?? null,
      subjectId: entry.subjectId ?? null,
      moderatorId: entry.moderatorId ?? null,
      note: entry.note ?? null,
      internalNote: entry.internalNote ?? null,
    });
  }

  /** Whether the case's history already holds one of these actions (say, an earlier claim). */
  async caseHasAction(manager: EntityManager, caseId: string, actions: readonly string[]): Promise<boolean> {
    return manager.exists(ModerationActionEntity, { where: { caseId, action: In([...actions]) } });
  }
}
