import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InstallationSecretsService } from './installation-secrets.service';

/** The installation secret that keys the CSRF values; shared by every API instance through the database. */
const SECRET_NAME = 'session-csrf';

/**
 * The CSRF value of a session token: HMAC-SHA-256 of the token, base64url. Keyed with a
 * server secret, so only the server can make one (a plain hash could be computed by anyone
 * who planted a cookie); tied to the token, so a leaked value is worth nothing with another
 * session. The page learns it only from the cookie set beside the session's.
 */
@Injectable()
export class SessionCsrfService {
  constructor(private readonly secrets: InstallationSecretsService) {}

  async valueFor(sessionToken: string): Promise<string> {
    return createHmac('sha256', await this.secrets.get(SECRET_NAME))
      .update(sessionToken)
      .digest('base64url');
  }

  /** Whether `presented` (a header or connection param, unchecked) is the CSRF value of `sessionToken`. */
  async matches(sessionToken: string, presented: unknown): Promise<boolean> {
    if (typeof presented !== 'string' || presented === '') return false;
    const expected = Buffer.from(await this.valueFor(sessionToken));
    const given = Buffer.from(presented);
    // The length of an HMAC is public; only the comparison of equal lengths must take constant time.
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
