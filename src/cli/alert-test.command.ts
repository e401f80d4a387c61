import type { KindredConfig } from '../config/config';
import { AlertSender } from '../moderation/on-call/alert-sender';
import { sendTestAlerts, testAlertEvent } from '../moderation/on-call/test-alert';

/**
 * `alert-test`: sends a test alert to every ALERT_WEBHOOKS channel now and prints how each
 * went, so an operator wires on-call before the night it matters. Needs no database.
 */
export async function runAlertTestCommand(config: KindredConfig, out: NodeJS.WritableStream, sender = new AlertSender()): Promise<number> {
  const { channels, deliveryTimeoutSeconds } = config.alerts;
  if (channels.length === 0) {
    out.write('No alert channels: set ALERT_WEBHOOKS (README, "On-call alerts").\n');
    return 1;
  }
  const results = await sendTestAlerts(channels, testAlertEvent(config.publicUrl, new Date()), sender, deliveryTimeoutSeconds);
  for (const { channel, outcome } of results) {
    out.write(`${channel.name} (${channel.format}): ${outcome.ok ? 'delivered' : `failed, ${outcome.failure}`}\n`);
  }
  return results.every(({ outcome }) => outcome.ok) ? 0 : 1;
}
