import type { AlertChannelConfig } from '../../config/alerts-config';
import type { AlertEvent } from '../../queue/queue-names';
import { alertRequest } from './alert-request';
import type { AlertSender, SendOutcome } from './alert-sender';

/** No case: the nil UUID, which no case ever has, so a receiver that files alerts by case cannot mix it up. */
const NO_CASE = '00000000-0000-0000-0000-000000000000';

/** What `cli alert-test` sends: shaped like an URGENT alert, so each channel shows (and rings) as it will for real. */
export function testAlertEvent(publicBase: string, now: Date): AlertEvent {
  return {
    kind: 'test',
    caseId: NO_CASE,
    priority: 'URGENT',
    link: `${publicBase}/moderation`,
    openedAt: now.toISOString(),
    waitingSeconds: 0,
    alertNumber: 1,
  };
}

/** Sends the test alert to every channel once, straight away (no queue, no retries), and says how each went. */
export async function sendTestAlerts(
  channels: readonly AlertChannelConfig[],
  event: AlertEvent,
  sender: AlertSender,
  timeoutSeconds: number,
): Promise<Array<{ channel: AlertChannelConfig; outcome: SendOutcome }>> {
  const nowSeconds = Math.floor(Date.parse(event.openedAt) / 1000);
  return Promise.all(
    channels.map(async (channel) => ({
      channel,
      outcome: await sender.send(alertRequest(channel, event, `alert_test_${nowSeconds}_${channel.name}`, nowSeconds), timeoutSeconds),
    })),
  );
}
