import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { prepareDatabase } from '../src/database/prepare-database';
import { loadConfig } from '../src/config/config';
import { registerMember, setRole, TestMember } from './support/members';
import { createTestDatabase, startTestApp, TestApp } from './support/test-app';

/**
 * Least privilege in the database: the app connects as a role that can write the audit log
 * but not rewrite it, and cannot switch the append-only trigger off by any route (owning
 * the table, session_replication_role, granting itself more). Each attack is replayed over
 * a connection as the app's own role, as a flaw in the app would run it.
 */
const SANCTION = `mutation S($input: SanctionInput!) { sanctionMember(input: $input) }`;

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

describe('the database role the app runs as', () => {
  let app: TestApp;
  let asApp: Client;
  let asOwner: Client;
  let auditId: string;
  let auditNote: string;

  beforeAll(async () => {
    app = await startTestApp();
    asApp = await connect(app.running.config.databaseUrl as string);
    asOwner = await connect(app.ownerUrl);
    // A real audit row, written the way the app writes them: a moderator warns a member.
    const moderator: TestMember = await registerMember(app);
    await setRole(app, moderator.accountId, 'MODERATOR');
    const target = await registerMember(app);
    const warned = await app.gql(
      SANCTION,
      { input: { memberId: target.accountId, sanction: 'WARN', reason: 'Please keep the sourcing talk out.' } },
      moderator.token,
    );
    expect(warned).toEqual({ data: { sanctionMember: true } });
    const { rows } = await asApp.query<{ id: string; note: string }>(
      `SELECT id, note FROM moderation_action WHERE action = 'WARN' AND subject_id = $1`,
      [target.accountId],
    );
    expect(rows).toHaveLength(1);
    auditId = rows[0].id;
    auditNote = rows[0].note;
  });

  afterAll(async () => {
    await asApp?.end();
    await asOwner?.end();
    await app?.close();
  });

  async function auditNoteNow(): Promise<string | null> {
    const { rows } = await asOwner.query<{ note: string }>('SELECT note FROM moderation_action WHERE id = $1', [auditId]);
    return rows[0]?.note ?? null;
  }

  it('is a role of its own, neither superuser nor owner', async () => {
    const { rows } = await asApp.query<{ user: string; superuser: boolean; createrole: boolean; owner: string }>(
      `SELECT current_user AS user, r.rolsuper AS superuser, r.rolcreaterole AS createrole,
              (SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'moderation_action') AS owner
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toMatchObject({ superuser: false, createrole: false });
    expect(rows[0].owner).not.toBe(rows[0].user);
  });

  it('cannot skip the audit trigger with session_replication_role', async () => {
    await expect(asApp.query('SET session_replication_role = replica')).rejects.toThrow(/permission denied/);
    await expect(asApp.query(`SELECT set_config('session_replication_role', 'replica', false)`)).rejects.toThrow(/permission denied/);
    await expect(asApp.query(`UPDATE moderation_action SET note = 'rewritten' WHERE id = $1`, [auditId])).rejects.toThrow(
      /permission denied/,
    );
    expect(await auditNoteNow()).toBe(auditNote);
  });

  it('cannot disable, drop or replace the trigger, nor alter the table', async () => {
    await expect(asApp.query('ALTER TABLE moderation_action DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner/);
    await expect(asApp.query('ALTER TABLE moderation_action DISABLE TRIGGER moderation_action_append_only')).rejects.toThrow(
      /must be owner/,
    );
    await expect(asApp.query('DROP TRIGGER moderation_action_append_only ON moderation_action')).rejects.toThrow(/must be owner/);
    await expect(
      asApp.query(
        `CREATE OR REPLACE FUNCTION moderation_action_refuse_change() RETURNS trigger AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql`,
      ),
    ).rejects.toThrow(/must be owner|permission denied/);
    await expect(asApp.query('ALTER TABLE moderation_action ADD COLUMN rewritten boolean')).rejects.toThrow(/must be owner/);
    await expect(asApp.query('DROP TABLE moderation_action')).rejects.toThrow(/must be owner/);
    const { rows } = await asOwner.query<{ tgenabled: string }>(
      `SELECT tgenabled FROM pg_trigger WHERE tgname = 'moderation_action_append_only'`,
    );
    expect(rows).toEqual([{ tgenabled: 'O' }]);
  });

  it('cannot update, delete or truncate the audit log, even after trying to switch its trigger off', async () => {
    await asApp.query('SET session_replication_role = replica').catch(() => undefined);
    await asApp.query('ALTER TABLE moderation_action DISABLE TRIGGER ALL').catch(() => undefined);
    await expect(asApp.query(`UPDATE moderation_action SET note = 'rewritten' WHERE id = $1`, [auditId])).rejects.toThrow(
      /permission denied/,
    );
    await expect(asApp.query('DELETE FROM moderation_action WHERE id = $1', [auditId])).rejects.toThrow(/permission denied/);
    await expect(asApp.query('TRUNCATE moderation_action')).rejects.toThrow(/permission denied/);
    expect(await auditNoteNow()).toBe(auditNote);
  });

  it('cannot give itself more power', async () => {
    await expect(asApp.query('ALTER ROLE CURRENT_USER SUPERUSER')).rejects.toThrow(/permission denied/);
    await expect(asApp.query('CREATE ROLE kindred_escape LOGIN SUPERUSER')).rejects.toThrow(/permission denied/);
    const owner = (await asOwner.query<{ user: string }>('SELECT current_user AS user')).rows[0].user;
    await expect(asApp.query(`SET ROLE ${owner}`)).rejects.toThrow(/permission denied/);
    // A grant by a role without the grant option is a warning, not an error: it changes nothing.
    await asApp.query('GRANT UPDATE, DELETE, TRUNCATE ON moderation_action TO CURRENT_USER').catch(() => undefined);
    await expect(asApp.query('DELETE FROM moderation_action WHERE id = $1', [auditId])).rejects.toThrow(/permission denied/);
  });

  it('cannot create objects the owner could later pick up', async () => {
    await expect(asApp.query('CREATE TABLE public.planted (id int)')).rejects.toThrow(/permission denied/);
    await expect(asApp.query(`CREATE FUNCTION public.planted() RETURNS int AS 'SELECT 1' LANGUAGE sql`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(asApp.query('CREATE TABLE bullmq.planted (id int)')).rejects.toThrow(/permission denied/);
    await expect(asApp.query('CREATE SCHEMA planted')).rejects.toThrow(/permission denied/);
  });

  it('still lets the owner see the trigger refuse a rewrite: the log stays append-only for every role', async () => {
    await expect(asOwner.query(`UPDATE moderation_action SET note = 'rewritten' WHERE id = $1`, [auditId])).rejects.toThrow(/append-only/);
    await expect(asOwner.query('DELETE FROM moderation_action WHERE id = $1', [auditId])).rejects.toThrow(/append-only/);
    await expect(asOwner.query('TRUNCATE moderation_action')).rejects.toThrow(/append-only/);
    expect(await auditNoteNow()).toBe(auditNote);
  });
});

describe('starting on a database URL whose role owns the schema', () => {
  it('warns that the app runs with its owner privileges, and stays quiet with a restricted role', async () => {
    const database = await createTestDatabase();
    const warnings: string[] = [];
    const logger = { warn: (message: string) => warnings.push(message) } as unknown as Logger;

    const asOwner = await prepareDatabase(loadConfig({ DATABASE_URL: database.ownerUrl }), logger);
    await asOwner.database.stop();
    expect(warnings).toEqual([expect.stringMatching(/is a superuser.*owns the tables/)]);

    warnings.length = 0;
    const restricted = await prepareDatabase(loadConfig({ DATABASE_URL: database.appUrl, DATABASE_OWNER_URL: database.ownerUrl }), logger);
    await restricted.database.stop();
    expect(warnings).toEqual([]);
    // The app's config never carries the owner's URL onward.
    expect(restricted.config.databaseRoles.ownerUrl).toBeNull();
  });
});
