import { Client, escapeIdentifier } from 'pg';

export interface TableFingerprint {
  rows: number;
  /** md5 over every row's text, in primary-key order: equal only when every value is. */
  checksum: string;
}

/** Every table of Kindred's schema (and the migrations applied), as row counts and ordered checksums. */
export async function databaseFingerprint(url: string): Promise<{ migrations: string[]; tables: Record<string, TableFingerprint> }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string; key: string[] | null }>(
      `SELECT c.relname::text AS name,
              (SELECT array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum))
                 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                WHERE i.indrelid = c.oid AND i.indisprimary) AS key
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'migrations'
        ORDER BY 1`,
    );
    const fingerprint: Record<string, TableFingerprint> = {};
    for (const { name, key } of tables) {
      const order = [...(key ?? []).map((column) => `t.${escapeIdentifier(column)}`), 't::text'].join(', ');
      const { rows } = await client.query<{ rows: number; checksum: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY ${order}), '')) AS checksum FROM ${escapeIdentifier(name)} t`,
      );
      fingerprint[name] = rows[0];
    }
    const { rows: migrations } = await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY timestamp');
    return { migrations: migrations.map((row) => row.name), tables: fingerprint };
  } finally {
    await client.end();
  }
}
