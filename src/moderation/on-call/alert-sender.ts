import { Injectable } from '@nestjs/common';
import type { AlertRequest } from './alert-request';

/** How one attempt ended: delivered, or why not in a few words fit for /health/details. */
export type SendOutcome = { ok: true } | { ok: false; failure: string };

/**
 * Sends one alert request. Redirects are not followed (a webhook that moved is a
 * misconfiguration to see, not to chase), and the receiver's answer is never read beyond its
 * status: it could echo anything.
 */
@Injectable()
export class AlertSender {
  async send(request: AlertRequest, timeoutSeconds: number): Promise<SendOutcome> {
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutSeconds * 1000),
      });
      await response.body?.cancel();
      return response.ok ? { ok: true } : { ok: false, failure: `HTTP ${response.status}` };
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') return { ok: false, failure: 'timeout' };
      return { ok: false, failure: 'network error' };
    }
  }
}
