import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { Client, DatabaseError, escapeIdentifier } from 'pg';
import { from as copyFrom, CopyStreamQuery } from 'pg-copy-streams';
import { listSequences } from './backup-catalog';
import { backupStream, unreadable } from './backup-file-reader';
import { BackupFormatError, BackupHeader, BackupTable } from './backup-format';
import { BackupParser } from './backup-parser';
import { prepareTarget } from './restore-target';

/**
 * PostgreSQL's message about a row it refused can quote the row's values (members' words):
 * only the error's code, the constraint or column and the row's number are passed on.
 */
function refused(error: unknown, table: string | null): Error {
  if (!(error instanceof DatabaseError)) return unreadable(error);
  const row = /line (\d+)/.exec(error.where ?? '')?.[1];
  const details = [
    `SQLSTATE ${error.code}`,
    error.constraint && `constraint ${error.constraint}`,
    error.column && `column ${error.column}`,
    row && `row ${row}`,
  ];
  return new BackupFormatError(
    `${table ? `table ${table}` : 'the backup'} could not be loaded (${details.filter(Boolean).join(', ')}): ` +
      'the file is corrupt or does not fit this schema; nothing was restored',
  );
}

interface TableCopy {
  table: string;
  stream: CopyStreamQuery;
  done: Promise<void>;
}

function startCopy(client: Client, table: BackupTable): TableCopy {
  const columns = table.columns.map(escapeIdentifier).join(', ');
  const stream = client.query(copyFrom(`COPY ${escapeIdentifier(table.name)} (${columns}) FROM STDIN`));
  const done = finished(stream);
  done.catch(() => undefined);
  return { table: table.name, stream, done };
}

async function writeRows(copy: TableCopy, data: Buffer): Promise<void> {
  // The database refusing a row ends the stream with an error instead of a drain.
  if (!copy.stream.write(data)) await Promise.race([once(copy.stream, 'drain'), copy.done]);
}

/**
 * Sequences continue after the largest restored value, or after the value the backup saw if
 * that is larger (rows taken since), so no restored id is handed out again.
 */
async function resetSequences(client: Client, header: BackupHeader): Promise<void> {
  const restored = new Set(header.tables.map((table) => table.name));
  for (const sequence of await listSequences(client)) {
    if (!restored.has(sequence.table)) continue;
    const seen = header.sequences.find((entry) => entry.table === sequence.table && entry.column === sequence.column)?.lastValue ?? null;
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), v) FROM (SELECT greatest((SELECT max(${escapeIdentifier(sequence.column)}) FROM ${escapeIdentifier(sequence.table)}), $3::bigint) AS v) s WHERE v IS NOT NULL`,
      [`public.${escapeIdentifier(sequence.table)}`, sequence.column, seen],
    );
  }
}

/**
 * Loads every table of the file, in one transaction, into a target at the backup's schema;
 * returns the rows loaded. Either all of the backup is in, or none of it.
 */
export async function loadBackup(client: Client, file: string, header: BackupHeader): Promise<number> {
  const parser = new BackupParser();
  let stream: ReturnType<typeof backupStream> | null = null;
  // A holder, not a variable: the catch below must see the copy the loop left open.
  const open: { copy: TableCopy | null } = { copy: null };
  let total = 0;
  await client.query('BEGIN');
  try {
    await prepareTarget(client, header);
    stream = backupStream(file);
    try {
      for await (const chunk of stream) {
        for (const event of parser.push(chunk)) {
          const copy = open.copy;
          if (event.kind === 'tableStart') open.copy = startCopy(client, event.table);
          else if (event.kind === 'rows' && copy) await writeRows(copy, event.data);
          else if (event.kind === 'tableEnd' && copy) {
            copy.stream.end();
            await copy.done;
            if (copy.stream.rowCount !== event.rows) {
              throw new BackupFormatError(`table ${event.table}: ${event.rows} row(s) in the file, ${copy.stream.rowCount} loaded`);
            }
            total += event.rows;
            open.copy = null;
          }
        }
      }
    } catch (error) {
      throw refused(error, open.copy?.table ?? null);
    }
    parser.finish();
    await resetSequences(client, header);
    // Deferred keys (post -> thread) are checked here.
    await client.query('COMMIT').catch((error: unknown) => Promise.reject(refused(error, null)));
    return total;
  } catch (error) {
    if (open.copy) {
      // Ends the COPY with CopyFail, so the connection can take the ROLLBACK.
      open.copy.stream.destroy(error as Error);
      await open.copy.done.catch(() => undefined);
    }
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    stream?.destroy();
  }
}
