import { Client, escapeIdentifier } from 'pg';
import { privilegesFor, QUEUE_TABLE_PRIVILEGES } from './app-role-privileges';
import { scramSha256Verifier } from './scram-verifier';
import { ADVISORY_LOCK } from './advisory-locks';

/** The schema BullMQ's PostgreSQL backend keeps its tables in. */
export const QUEUE_SCHEMA = 'bullmq';

/** Roles are cluster-wide, advisory locks per database: starters on one database wait for each other here. */

/** A login role that can own nothing, create nothing and skip no trigger. */
const RESTRICTED_ATTRIBUTES = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS';

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'kindred-roles' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The user a connection URL names (percent-decoded), or null when it names none. */
export function roleNameOf(url: string): string | null {
  const user = new URL(url).username;
  return user ? decodeURIComponent(user) : null;
}

export function passwordOf(url: string): string | null {
  const password = new URL(url).password;
  return password ? decodeURIComponent(password) : null;
}

/**
 * Makes sure the app's login role exists, as the owner. `manage` (the embedded database,
 * whose password Kindred keeps) also resets its password and attributes on every start;
 * otherwise an existing role is left as its administrator made it.
 */
export async function ensureAppRole(ownerUrl: string, appUrl: string, options: { manage: boolean }): Promise<void> {
  const role = roleNameOf(appUrl);
  const password = passwordOf(appUrl);
  if (!role) throw new Error('DATABASE_URL must name its user when DATABASE_OWNER_URL is set');
  await withClient(ownerUrl, async (client) => {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCK.APP_ROLE_GRANTS]);
      const existing = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      const verifier = password ? ` PASSWORD '${scramSha256Verifier(password)}'` : '';
      if (existing.rows.length === 0) {
        if (!password) throw new Error(`the database role "${role}" does not exist and DATABASE_URL gives no password to create it with`);
        await client.query(`CREATE ROLE ${escapeIdentifier(role)} ${RESTRICTED_ATTRIBUTES}${verifier}`);
      } else if (options.manage) {
        await client.query(`ALTER ROLE ${escapeIdentifier(role)} ${RESTRICTED_ATTRIBUTES}${verifier}`);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}

/**
 * Grants the app's role exactly what the code uses (see app-role-privileges.ts), as the
 * owner, in one transaction: the old grants are revoked first, so narrowing a table's
 * privileges takes effect, and the app never sees a moment without its grants. Run after
 * every migration run, so tables from new migrations are covered.
 */
export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  const grantee = escapeIdentifier(role);
  await withClient(ownerUrl, async (client) => {
    await client.query('BEGIN');
    try {
      // Before Postgres 15 every role may create objects in `public`; an object the app
      // created there could be picked up by the owner's migrations in its place.
      await client.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
      await client.query(`GRANT USAGE ON SCHEMA public TO ${grantee}`);
      await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${grantee}`);
      await client.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${grantee}`);
      const tables = await client.query<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
      );
      for (const { name } of tables.rows) {
        await client.query(`GRANT ${privilegesFor(name).join(', ')} ON TABLE public.${escapeIdentifier(name)} TO ${grantee}`);
      }
      const queueSchema = await client.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [QUEUE_SCHEMA]);
      if (queueSchema.rows.length > 0) {
        const schema = escapeIdentifier(QUEUE_SCHEMA);
        await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${grantee}`);
        await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${schema} FROM ${grantee}`);
        await client.query(`GRANT ${QUEUE_TABLE_PRIVILEGES.join(', ')} ON ALL TABLES IN SCHEMA ${schema} TO ${grantee}`);
        // Job ids come from per-queue sequences the owner creates (prepareQueueSchema).
        await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${grantee}`);
        await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} TO ${grantee}`);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}

/**
 * What the role behind `url` could do beyond the app's needs: empty for a properly
 * restricted role. Owning a table (or being able to act as its owner) lets a role disable
 * the audit log's trigger; a superuser can skip triggers with session_replication_role.
 */
export async function excessPowers(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const result = await client.query<{ rolsuper: boolean; rolcreaterole: boolean; rolbypassrls: boolean; owns: boolean }>(
      `SELECT r.rolsuper, r.rolcreaterole, r.rolbypassrls,
              EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname IN ('public', $1) AND c.relkind IN ('r', 'p')
                         AND pg_has_role(current_user, c.relowner, 'MEMBER')) AS owns
         FROM pg_roles r WHERE r.rolname = current_user`,
      [QUEUE_SCHEMA],
    );
    const row = result.rows[0];
    if (!row) return [];
    return [
      row.rolsuper && 'is a superuser',
      row.rolcreaterole && 'may create roles',
      row.rolbypassrls && 'bypasses row security',
      row.owns && 'owns the tables',
    ].filter((power): power is string => typeof power === 'string');
  });
}
