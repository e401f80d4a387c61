/**
 * The Kindred backup file: one gzip stream of lines, readable with `zcat FILE | less`.
 *
 *   {"format":"kindred-backup","version":1,...}   the header: what made it, and what it holds
 *   {"table":"account"}                            a table's rows follow, in COPY text format
 *   ...rows...                                     (one row per line: COPY escapes newlines)
 *   \.                                             end of that table's rows
 *   ...                                            the next table, in foreign-key-safe order
 *   {"end":{"account":12,...}}                     the trailer: rows per table
 *
 * A COPY text row can never be the line `\.` (a backslash in data is written `\\`), which
 * is why PostgreSQL's own plain dumps end their COPY data with it too. A file without its
 * trailer, or whose counts disagree, is incomplete and never loaded.
 */
export const BACKUP_FORMAT = 'kindred-backup';
/** Bump when a reader of the old version could misread the new one. */
export const BACKUP_FORMAT_VERSION = 1;
export const TABLE_END_LINE = '\\.';

export interface BackupTable {
  name: string;
  /** In the order each row's fields are written. */
  columns: string[];
}

/** A column fed by a sequence, and the sequence's last value when backed up (null if never used). */
export interface BackupSequence {
  table: string;
  column: string;
  lastValue: string | null;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** package.json's version of the Kindred that wrote it: the one to restore with when this one cannot. */
  kindredVersion: string;
  serverVersion: string;
  /** TypeORM migration names applied to the database backed up, oldest first. */
  migrations: string[];
  /** In the order their rows follow. */
  tables: BackupTable[];
  sequences: BackupSequence[];
}

export interface BackupTrailer {
  rows: Record<string, number>;
}

/** What is wrong with a file that is not a complete, readable Kindred backup. */
export class BackupFormatError extends Error {}

const IDENTIFIER = /^[a-z_][a-z0-9_$]*$/;

export function headerLine(header: Omit<BackupHeader, 'format' | 'version'>): string {
  return `${JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_FORMAT_VERSION, ...header })}\n`;
}

export function tableStartLine(table: string): string {
  return `${JSON.stringify({ table })}\n`;
}

export function trailerLine(trailer: BackupTrailer): string {
  return `${JSON.stringify({ end: trailer.rows })}\n`;
}

function parseJson(line: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new BackupFormatError(`expected ${what}, found something else: the file is corrupt`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BackupFormatError(`expected ${what}: the file is corrupt`);
  }
  return value as Record<string, unknown>;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isIdentifier(value: unknown): value is string {
  return typeof value === 'string' && IDENTIFIER.test(value);
}

function parseTable(value: unknown): BackupTable {
  const table = value as Partial<BackupTable> | null;
  if (!table || !isIdentifier(table.name) || !isStringArray(table.columns) || table.columns.length === 0) {
    throw new BackupFormatError('the header lists a table without a valid name and columns: the file is corrupt');
  }
  return { name: table.name, columns: table.columns };
}

function parseSequence(value: unknown): BackupSequence {
  const sequence = value as Partial<BackupSequence> | null;
  if (
    !sequence ||
    !isIdentifier(sequence.table) ||
    typeof sequence.column !== 'string' ||
    !(sequence.lastValue === null || (typeof sequence.lastValue === 'string' && /^-?\d+$/.test(sequence.lastValue)))
  ) {
    throw new BackupFormatError('the header lists an invalid sequence: the file is corrupt');
  }
  return { table: sequence.table, column: sequence.column, lastValue: sequence.lastValue };
}

/** The first line of the file, checked field by field: nothing from the file is trusted into SQL unchecked. */
export function parseHeader(line: string): BackupHeader {
  const raw = parseJson(line, 'a Kindred backup header');
  if (raw.format !== BACKUP_FORMAT) throw new BackupFormatError('this is not a Kindred backup file');
  if (typeof raw.version !== 'number' || !Number.isInteger(raw.version)) throw new BackupFormatError('the header has no format version');
  if (raw.version > BACKUP_FORMAT_VERSION) {
    throw new BackupFormatError(
      `this backup has format version ${raw.version}, newer than this Kindred reads (${BACKUP_FORMAT_VERSION}): restore it with the Kindred version that made it`,
    );
  }
  if (
    typeof raw.createdAt !== 'string' ||
    typeof raw.kindredVersion !== 'string' ||
    typeof raw.serverVersion !== 'string' ||
    !isStringArray(raw.migrations)
  ) {
    throw new BackupFormatError('the header is incomplete: the file is corrupt');
  }
  if (!Array.isArray(raw.tables) || !Array.isArray(raw.sequences))
    throw new BackupFormatError('the header is incomplete: the file is corrupt');
  const tables = raw.tables.map(parseTable);
  const names = new Set(tables.map((table) => table.name));
  if (names.size !== tables.length) throw new BackupFormatError('the header lists a table twice: the file is corrupt');
  const sequences = raw.sequences.map(parseSequence);
  if (sequences.some((sequence) => !names.has(sequence.table))) {
    throw new BackupFormatError('the header lists a sequence of a table it does not hold: the file is corrupt');
  }
  return {
    format: BACKUP_FORMAT,
    version: raw.version,
    createdAt: raw.createdAt,
    kindredVersion: raw.kindredVersion,
    serverVersion: raw.serverVersion,
    migrations: raw.migrations,
    tables,
    sequences,
  };
}

/** A line between tables: the next table's start, or the trailer. */
export function parseSectionLine(line: string): { table: string } | { end: BackupTrailer } {
  const raw = parseJson(line, "a table's start or the end of the backup");
  if (typeof raw.table === 'string') return { table: raw.table };
  const end = raw.end as Record<string, unknown> | undefined;
  if (typeof end === 'object' && end !== null && Object.values(end).every((count) => Number.isInteger(count) && (count as number) >= 0)) {
    return { end: { rows: end as Record<string, number> } };
  }
  throw new BackupFormatError("expected a table's start or the end of the backup: the file is corrupt");
}
