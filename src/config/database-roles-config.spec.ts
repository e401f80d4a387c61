import { ConfigError, loadConfig } from './config';

describe('database role settings', () => {
  it('read the owner URL beside the app URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://kindred_app:a@db/kindred',
      DATABASE_OWNER_URL: 'postgres://kindred:b@db/kindred',
    });
    expect(config.databaseRoles.ownerUrl).toBe('postgres://kindred:b@db/kindred');
  });

  it('refuse an owner URL without an app URL, which the embedded database would ignore', () => {
    expect(() => loadConfig({ DATABASE_OWNER_URL: 'postgres://kindred:b@db/kindred' })).toThrow(ConfigError);
  });
});
