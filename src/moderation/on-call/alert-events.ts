import type { AlertEvent } from '../../queue/queue-names';
import type { SettledCase, UnclaimedCase } from './case-alerts.repository';

/** Where a moderator opens the case: the web client's case page. */
export function caseLink(publicBase: string, caseId: string): string {
  return `${publicBase}/moderation/cases/${caseId}`;
}

/** The alert about a case still waiting; its number counts this one. */
export function waitingEvent(waiting: UnclaimedCase, publicBase: string): AlertEvent {
  return {
    kind: 'case.waiting',
    caseId: waiting.caseId,
    priority: waiting.priority,
    link: caseLink(publicBase, waiting.caseId),
    openedAt: waiting.createdAt.toISOString(),
    waitingSeconds: Math.round(waiting.waitingSeconds),
    alertNumber: waiting.alertsSent + 1,
  };
}

/** The follow-up that tells the channel it can stand down: claimed, or closed before anyone claimed it. */
export function followUpEvent(settled: SettledCase, publicBase: string): AlertEvent {
  return {
    kind: settled.kind,
    caseId: settled.caseId,
    priority: settled.priority,
    link: caseLink(publicBase, settled.caseId),
    openedAt: settled.createdAt.toISOString(),
    waitingSeconds: Math.round(settled.waitedSeconds),
    alertNumber: settled.alertsSent,
  };
}
