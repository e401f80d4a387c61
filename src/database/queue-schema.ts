import { assertSchemaCompatibility, LATEST_SCHEMA_VERSION, runMigrations, SchemaMigrationRequiredError } from 'bullmq';
import { Client, escapeIdentifier } from 'pg';
import { QueueName } from '../queue/queue-names';
import { QUEUE_SCHEMA } from './app-role';

/**
 * Brings BullMQ's PostgreSQL schema up to date, as the role given (the owner, when there is
 * one), so the app's own role never needs to create anything. BullMQ creates a job-id
 * sequence per queue on the first job, which would need CREATE on the schema: those
 * sequences are created here instead, one per queue Kindred runs.
 */
export async function prepareQueueSchema(url: string): Promise<void> {
  const client = new Client({ connectionString: url, application_name: 'kindred-queue-schema' });
  client.on('error', () => undefined);
  await client.connect();
  try {
    if ((await queueSchemaVersion(client)) < LATEST_SCHEMA_VERSION) await runMigrations(client, QUEUE_SCHEMA);
    for (const queue of Object.values(QueueName)) {
      const name = await client.query<{ seq: string; exists: boolean }>(
        `SELECT ${escapeIdentifier(QUEUE_SCHEMA)}.job_id_seq_name($1) AS seq,
                to_regclass(format('%I.%I', $2::text, ${escapeIdentifier(QUEUE_SCHEMA)}.job_id_seq_name($1))) IS NOT NULL AS exists`,
        [queue, QUEUE_SCHEMA],
      );
      const { seq, exists } = name.rows[0];
      if (!exists) await client.query(`CREATE SEQUENCE IF NOT EXISTS ${escapeIdentifier(QUEUE_SCHEMA)}.${escapeIdentifier(seq)}`);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function queueSchemaVersion(client: Client): Promise<number> {
  try {
    return await assertSchemaCompatibility(client, QUEUE_SCHEMA);
  } catch (error) {
    if (error instanceof SchemaMigrationRequiredError) return 0;
    throw error;
  }
}
