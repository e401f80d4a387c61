import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { BackupFormatError, BackupHeader } from './backup-format';
import { BackupParser } from './backup-parser';

/** zlib's errors say "incorrect header check"; the operator needs to hear what that means for the file. */
export function unreadable(error: unknown): Error {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new BackupFormatError(
      `the file is not a complete gzip stream (${(error as Error).message}): it is truncated, corrupt, or not a Kindred backup`,
    );
  }
  return error as Error;
}

/** The decompressed bytes of a backup file. */
export function backupStream(file: string): AsyncIterable<Buffer> & { destroy(): void } {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  // Until a reader iterates, an error (a truncated file) would be unhandled and end the process;
  // the stream keeps it, and the reader's loop throws it.
  gunzip.on('error', () => undefined);
  return input.pipe(gunzip);
}

/** The header alone, to decide about versions before touching any database. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const parser = new BackupParser();
  const stream = backupStream(file);
  try {
    for await (const chunk of stream) {
      const header = parser.push(chunk).find((event) => event.kind === 'header');
      if (header) return header.header;
    }
  } catch (error) {
    throw unreadable(error);
  } finally {
    stream.destroy();
  }
  parser.finish();
  throw new BackupFormatError('the file has no header: it is not a Kindred backup');
}
