import { Injectable } from '@nestjs/common';

/**
 * PLACEHOLDER owned by the moderation work: announces that a case was opened or changed,
 * after the commit, so live moderation dashboards update.
 */
@Injectable()
export class ModerationEventsService {
  async caseChanged(_caseId: string): Promise<void> {
    return undefined;
  }
}
