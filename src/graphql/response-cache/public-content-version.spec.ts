import { loadConfig } from '../../config/config';
import { PublicContentVersion } from './public-content-version';

describe('PublicContentVersion', () => {
  it('gives no version before it listens, so nothing is cached while changes could go unseen', async () => {
    const version = new PublicContentVersion(
      loadConfig({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', RESPONSE_CACHE_TTL_SECONDS: '0' }),
    );
    await version.onApplicationBootstrap();
    expect(version.current()).toBeNull();
    version.changed();
    expect(version.current()).toBeNull();
    await version.onModuleDestroy();
  });

  it('bypasses the cache and tries again when the database cannot be reached', async () => {
    const version = new PublicContentVersion(loadConfig({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }));
    await version.onApplicationBootstrap();
    expect(version.current()).toBeNull();
    await version.onModuleDestroy();
  });
});
