import { BackupFormatError, BackupHeader, BackupTable, parseHeader, parseSectionLine, TABLE_END_LINE } from './backup-format';

export type BackupEvent =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'tableStart'; table: BackupTable }
  /** Whole rows only (a row cut across chunks waits for its end), ready for COPY FROM. */
  | { kind: 'rows'; table: string; data: Buffer; count: number }
  | { kind: 'tableEnd'; table: string; rows: number }
  | { kind: 'end'; rows: Record<string, number> };

const NEWLINE = 0x0a;
const END_MARK = Buffer.from(TABLE_END_LINE);

/**
 * Turns the decompressed bytes of a backup, in chunks of any size, into events, checking the
 * structure as it goes: the header first, tables in the header's order, each closed, and a
 * trailer whose counts match the rows seen. Rows are passed on in the chunks they came in,
 * never gathered, so a table of any size streams through.
 */
export class BackupParser {
  private carry: Buffer = Buffer.alloc(0);
  private header: BackupHeader | null = null;
  private nextTable = 0;
  private current: { table: BackupTable; rows: number } | null = null;
  private readonly counts: Record<string, number> = {};
  private done = false;

  push(chunk: Buffer): BackupEvent[] {
    const events: BackupEvent[] = [];
    const data = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    let start = 0;
    let rowsStart = 0;
    let rowsInChunk = 0;
    for (let newline = data.indexOf(NEWLINE); newline !== -1; newline = data.indexOf(NEWLINE, start)) {
      const line = data.subarray(start, newline);
      if (!this.current) {
        events.push(this.control(line.toString('utf8')));
      } else if (line.equals(END_MARK)) {
        if (rowsInChunk > 0) events.push(this.rows(data.subarray(rowsStart, start), rowsInChunk));
        rowsInChunk = 0;
        events.push(this.endTable());
      } else {
        if (rowsInChunk === 0) rowsStart = start;
        rowsInChunk += 1;
      }
      start = newline + 1;
    }
    if (rowsInChunk > 0) events.push(this.rows(data.subarray(rowsStart, start), rowsInChunk));
    // A copy: the rest of this chunk must outlive the chunk's buffer, which the caller may reuse.
    this.carry = Buffer.from(data.subarray(start));
    return events;
  }

  /** Call at the end of the input: a backup cut short fails here, whatever else was fine. */
  finish(): void {
    if (this.done && this.carry.length === 0) return;
    if (this.done) throw new BackupFormatError('the file has data after its end: it is corrupt');
    if (!this.header) throw new BackupFormatError('the file is empty or has no header: it is not a Kindred backup');
    const where = this.current ? `in the rows of table ${this.current.table.name}` : 'before its trailer';
    throw new BackupFormatError(`the file ends ${where}: it is truncated`);
  }

  private rows(data: Buffer, count: number): BackupEvent {
    const current = this.current as { table: BackupTable; rows: number };
    current.rows += count;
    return { kind: 'rows', table: current.table.name, data, count };
  }

  private endTable(): BackupEvent {
    const { table, rows } = this.current as { table: BackupTable; rows: number };
    this.counts[table.name] = rows;
    this.current = null;
    return { kind: 'tableEnd', table: table.name, rows };
  }

  private control(line: string): BackupEvent {
    if (this.done) throw new BackupFormatError('the file has data after its end: it is corrupt');
    if (!this.header) {
      this.header = parseHeader(line);
      return { kind: 'header', header: this.header };
    }
    const section = parseSectionLine(line);
    const expected = this.header.tables[this.nextTable];
    if ('table' in section) {
      if (!expected || section.table !== expected.name) {
        throw new BackupFormatError(
          `found table ${section.table} where the header promised ${expected?.name ?? 'the end'}: the file is corrupt`,
        );
      }
      this.nextTable += 1;
      this.current = { table: expected, rows: 0 };
      return { kind: 'tableStart', table: expected };
    }
    if (expected) throw new BackupFormatError(`the file ends before table ${expected.name}: it is truncated`);
    for (const { name } of this.header.tables) {
      if (section.end.rows[name] !== this.counts[name]) {
        throw new BackupFormatError(
          `table ${name} has ${this.counts[name]} row(s) but the trailer says ${section.end.rows[name]}: the file is corrupt`,
        );
      }
    }
    this.done = true;
    return { kind: 'end', rows: { ...this.counts } };
  }
}
