import { Inject, Injectable } from '@nestjs/common';
import type { GqlHttpResponse } from '../common/graphql/gql-context';
import { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { clearedSessionCookieHeaders, sessionCookieHeaders } from './session-cookies';
import { SessionCsrfService } from './session-csrf.service';

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Writes the browser session cookies onto an operation's HTTP response. Called by resolvers,
 * so that the services stay unaware of transports; over graphql-ws there is no response and
 * these do nothing (a socket client keeps the bearer token it was given).
 */
@Injectable()
export class SessionCookies {
  constructor(
    private readonly csrf: SessionCsrfService,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  /** Sets both cookies for a session just issued; they expire with it (SESSION_TTL_DAYS). */
  async issue(http: GqlHttpResponse | undefined, token: string): Promise<void> {
    if (!http) return;
    const headers = sessionCookieHeaders({
      token,
      csrfToken: await this.csrf.valueFor(token),
      maxAgeSeconds: this.config.sessionTtlDays * DAY_SECONDS,
      secure: this.secure(http),
    });
    for (const header of headers) http.setCookie(header);
  }

  /** Expires both cookies (sign-out, account deletion). */
  clear(http: GqlHttpResponse | undefined): void {
    if (!http) return;
    for (const header of clearedSessionCookieHeaders(this.secure(http))) http.setCookie(header);
  }

  /** Behind a TLS-terminating proxy (TRUST_PROXY_TLS) the browser is on HTTPS though this server sees HTTP. */
  private secure(http: GqlHttpResponse): boolean {
    return this.config.transport.trustProxyTls || http.overTls;
  }
}
