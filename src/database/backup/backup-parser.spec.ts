import { BackupFormatError, headerLine, TABLE_END_LINE, tableStartLine, trailerLine } from './backup-format';
import { BackupEvent, BackupParser } from './backup-parser';

const header = headerLine({
  createdAt: '2026-12-06T12:00:00.000Z',
  kindredVersion: '0.1.0',
  serverVersion: '18.0',
  migrations: ['Initial1'],
  tables: [
    { name: 'account', columns: ['id', 'pseudonym'] },
    { name: 'post', columns: ['id', 'body'] },
  ],
  sequences: [],
});

// COPY text rows: a tab between fields, \N for null, newlines and backslashes escaped.
const accountRows = 'a1\tQuietOwl\na2\t\\N\n';
const postRows = 'p1\tline one\\nline two \\\\. not an end\np2\t\\.\\\\\n';
const file = [
  header,
  tableStartLine('account'),
  accountRows,
  `${TABLE_END_LINE}\n`,
  tableStartLine('post'),
  postRows,
  `${TABLE_END_LINE}\n`,
  trailerLine({ rows: { account: 2, post: 2 } }),
].join('');

function parse(text: string, chunkSize: number): BackupEvent[] {
  const parser = new BackupParser();
  const bytes = Buffer.from(text);
  const events: BackupEvent[] = [];
  for (let offset = 0; offset < bytes.length; offset += chunkSize) events.push(...parser.push(bytes.subarray(offset, offset + chunkSize)));
  parser.finish();
  return events;
}

function rowsOf(events: BackupEvent[], table: string): string {
  return events.map((event) => (event.kind === 'rows' && event.table === table ? event.data.toString() : '')).join('');
}

describe('reading a backup file', () => {
  it.each([1, 2, 7, 64, 100_000])('gives the header, each table whole and the end, in chunks of %i byte(s)', (chunkSize) => {
    const events = parse(file, chunkSize);
    expect(events[0]).toMatchObject({ kind: 'header', header: { migrations: ['Initial1'], version: 1 } });
    expect(rowsOf(events, 'account')).toBe(accountRows);
    expect(rowsOf(events, 'post')).toBe(postRows);
    expect(events.filter((event) => event.kind === 'tableEnd')).toEqual([
      { kind: 'tableEnd', table: 'account', rows: 2 },
      { kind: 'tableEnd', table: 'post', rows: 2 },
    ]);
    expect(events[events.length - 1]).toEqual({ kind: 'end', rows: { account: 2, post: 2 } });
  });

  it('passes a table without rows', () => {
    const empty = file.replace(accountRows, '').replace('"account":2', '"account":0');
    expect(parse(empty, 5).filter((event) => event.kind === 'tableEnd')[0]).toEqual({ kind: 'tableEnd', table: 'account', rows: 0 });
  });

  it.each([
    ['cut in the rows of a table', file.slice(0, file.indexOf(postRows) + 5), 'ends in the rows of table post: it is truncated'],
    ['cut between tables', file.slice(0, file.indexOf(tableStartLine('post'))), 'the file ends before its trailer: it is truncated'],
    ['empty', '', 'no header'],
    [
      'a table missing before the trailer',
      file.replace(tableStartLine('post') + postRows + `${TABLE_END_LINE}\n`, ''),
      'ends before table post',
    ],
    [
      'a row more than the trailer says',
      file.replace(accountRows, `${accountRows}a3\tx\n`),
      'table account has 3 row(s) but the trailer says 2',
    ],
    [
      'tables out of order',
      file.replace(tableStartLine('post'), tableStartLine('thread')),
      'found table thread where the header promised post',
    ],
    ['data after the end', `${file}more\n`, 'data after its end'],
  ])('refuses a file %s', (_, text, message) => {
    expect(() => parse(text, 3)).toThrow(BackupFormatError);
    expect(() => parse(text, 3)).toThrow(message);
  });
});
