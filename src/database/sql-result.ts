/**
 * Reading what TypeORM's postgres driver returns from `query()`: `[rows, affectedCount]` for
 * UPDATE and DELETE, the rows alone for everything else. Repositories check each column
 * here, so a row that does not have the expected shape fails loudly at the boundary
 * instead of travelling on as a wrongly typed object.
 */
export type SqlRow = Readonly<Record<string, unknown>>;

function isUpdateResult(result: unknown): result is [unknown[], number] {
  return Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number';
}

export function affectedRows(result: unknown): number {
  if (isUpdateResult(result)) return result[1];
  return Array.isArray(result) ? result.length : 0;
}

/** The returned rows, whichever shape the driver used. */
export function rowsOf(result: unknown): SqlRow[] {
  const rows: unknown = isUpdateResult(result) ? result[0] : result;
  if (!Array.isArray(rows)) throw new Error('query did not return rows');
  return rows.map((row: unknown) => {
    if (typeof row !== 'object' || row === null) throw new Error('query returned a row that is not an object');
    return row as SqlRow;
  });
}

function unexpected(column: string, expected: string): Error {
  // The value itself is never quoted: a column may hold a token hash or member text.
  return new Error(`column ${column} is not ${expected}`);
}

export function stringColumn(row: SqlRow, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw unexpected(column, 'text');
  return value;
}

export function nullableStringColumn(row: SqlRow, column: string): string | null {
  return row[column] === null ? null : stringColumn(row, column);
}

export function booleanColumn(row: SqlRow, column: string): boolean {
  const value = row[column];
  if (typeof value !== 'boolean') throw unexpected(column, 'a boolean');
  return value;
}

export function integerColumn(row: SqlRow, column: string): number {
  const value = row[column];
  // int8 (count(*) without a cast) arrives as a string; int4 as a number.
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) throw unexpected(column, 'an integer');
  return number;
}

export function nullableDateColumn(row: SqlRow, column: string): Date | null {
  const value = row[column];
  if (value === null) return null;
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  if (date === null || Number.isNaN(date.getTime())) throw unexpected(column, 'a timestamp');
  return date;
}

export function dateColumn(row: SqlRow, column: string): Date {
  const date = nullableDateColumn(row, column);
  if (date === null) throw unexpected(column, 'a timestamp');
  return date;
}

/** A text column holding one of an enum's values. */
export function enumColumn<E extends string>(row: SqlRow, column: string, values: Readonly<Record<string, E>>): E {
  const value = stringColumn(row, column);
  const member = Object.values(values).find((candidate) => candidate === value);
  if (member === undefined) throw unexpected(column, 'a known value');
  return member;
}
