import { createHmac } from 'node:crypto';
import type { InstallationSecretsService } from './installation-secrets.service';
import { SessionCsrfService } from './session-csrf.service';

const TOKEN = 'A'.repeat(43);

function setUp() {
  const asked: string[] = [];
  const secrets = {
    get: async (name: string) => {
      asked.push(name);
      return `secret of ${name}`;
    },
  } as unknown as InstallationSecretsService;
  return { csrf: new SessionCsrfService(secrets), asked };
}

describe('SessionCsrfService', () => {
  it('is the base64url HMAC-SHA-256 of the token under its own installation secret', async () => {
    const { csrf, asked } = setUp();
    const value = await csrf.valueFor(TOKEN);
    expect(value).toBe(createHmac('sha256', 'secret of session-csrf').update(TOKEN).digest('base64url'));
    expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(asked).toEqual(['session-csrf']);
  });

  it('differs from token to token', async () => {
    const { csrf } = setUp();
    expect(await csrf.valueFor(TOKEN)).not.toBe(await csrf.valueFor('B'.repeat(43)));
  });

  it("accepts exactly the token's value", async () => {
    const { csrf } = setUp();
    await expect(csrf.matches(TOKEN, await csrf.valueFor(TOKEN))).resolves.toBe(true);
  });

  it("refuses another token's value, a truncated one, an empty one, and anything not a string", async () => {
    const { csrf } = setUp();
    const value = await csrf.valueFor(TOKEN);
    await expect(csrf.matches(TOKEN, await csrf.valueFor('B'.repeat(43)))).resolves.toBe(false);
    await expect(csrf.matches(TOKEN, value.slice(0, -1))).resolves.toBe(false);
    await expect(csrf.matches(TOKEN, '')).resolves.toBe(false);
    await expect(csrf.matches(TOKEN, undefined)).resolves.toBe(false);
    await expect(csrf.matches(TOKEN, [value])).resolves.toBe(false);
    await expect(csrf.matches(TOKEN, TOKEN)).resolves.toBe(false);
  });
});
