import { Logger } from '@nestjs/common';
import type { KindredConfig } from '../config/config';
import { excessPowers, grantAppRole, roleNameOf } from './app-role';
import { openDatabase } from './data-source';
import { DatabaseHandle, resolveDatabase } from './embedded-postgres';
import { prepareQueueSchema } from './queue-schema';

/**
 * Resolves the database (embedded when DATABASE_URL is unset), applies migrations as the
 * schema's owner and grants the app's role what it needs. The returned config carries the
 * app's URL only: nothing after this point can reach the owner's privileges.
 */
export async function prepareDatabase(
  config: KindredConfig,
  logger = new Logger('Database'),
): Promise<{ config: KindredConfig; database: DatabaseHandle }> {
  const database = await resolveDatabase(config);
  try {
    const migrator = database.ownerUrl ?? database.url;
    const appRole = roleNameOf(database.url);
    const separateRole = database.ownerUrl !== null && appRole !== null && appRole !== roleNameOf(database.ownerUrl);
    const dataSource = await openDatabase(migrator, undefined, async () => {
      if (!config.redisUrl) await prepareQueueSchema(migrator);
      if (separateRole) await grantAppRole(migrator, appRole);
    });
    await dataSource.destroy();
    const powers = await excessPowers(database.url);
    if (powers.length > 0) {
      logger.warn(
        `the app's database role ${powers.join(', ')}: a flaw in the app could then rewrite the moderation audit log. ` +
          'Give DATABASE_URL a restricted role and DATABASE_OWNER_URL the owner (README, "Database roles").',
      );
    }
  } catch (error) {
    await database.stop();
    throw error;
  }
  return { config: { ...config, databaseUrl: database.url, databaseRoles: { ownerUrl: null } }, database };
}
