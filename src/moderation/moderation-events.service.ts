import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { CaseChangeBus } from './case-change-bus';
import { EventIterator } from './event-iterator';

export const CASE_CHANGE_BUS = Symbol('CASE_CHANGE_BUS');

/**
 * Announces that a case was opened or changed, after the commit, so live moderation
 * dashboards on every API instance update (see case-change-bus.ts). Publishing never
 * throws: the case is already committed and the queue query shows it either way.
 */
@Injectable()
export class ModerationEventsService implements OnApplicationShutdown {
  private readonly logger = new Logger(ModerationEventsService.name);

  constructor(@Inject(CASE_CHANGE_BUS) private readonly bus: CaseChangeBus) {}

  async caseChanged(caseId: string): Promise<void> {
    try {
      await this.bus.publish(caseId);
    } catch (error) {
      this.logger.warn(`could not announce case ${caseId} on ${this.bus.kind}: ${(error as Error).message}`);
    }
  }

  /** Case ids as they change, until the iterator is returned (the subscriber went away). */
  async changes(): Promise<EventIterator<string>> {
    let unsubscribe: (() => void) | null = null;
    const events = new EventIterator<string>(() => unsubscribe?.());
    unsubscribe = await this.bus.subscribe((caseId) => events.push(caseId));
    if (events.closed) unsubscribe();
    return events;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.close();
  }
}
