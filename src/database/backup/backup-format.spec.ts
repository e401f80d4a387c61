import { BackupFormatError, headerLine, parseHeader, parseSectionLine } from './backup-format';

const fields = {
  createdAt: '2026-12-06T12:00:00.000Z',
  kindredVersion: '0.1.0',
  serverVersion: '18.0',
  migrations: ['Initial1'],
  tables: [{ name: 'edit_rate_event', columns: ['id', 'account_id'] }],
  sequences: [{ table: 'edit_rate_event', column: 'id', lastValue: '41' }],
};

function withField(name: string, value: unknown): string {
  return JSON.stringify({ ...JSON.parse(headerLine(fields)), [name]: value });
}

describe("a backup's header", () => {
  it('round-trips, with the format and its version', () => {
    expect(parseHeader(headerLine(fields).trim())).toEqual({ format: 'kindred-backup', version: 1, ...fields });
  });

  it.each([
    ['not JSON', 'PGDMP\u0001', 'found something else'],
    ['another format', withField('format', 'pg_dump'), 'not a Kindred backup'],
    ['a newer format version', withField('version', 2), 'format version 2, newer than this Kindred reads (1)'],
    [
      'a table name that is no identifier',
      withField('tables', [{ name: 'account; DROP TABLE post', columns: ['id'] }]),
      'without a valid name',
    ],
    ['a table without columns', withField('tables', [{ name: 'account', columns: [] }]), 'without a valid name and columns'],
    [
      'a sequence value that is no integer',
      withField('sequences', [{ table: 'edit_rate_event', column: 'id', lastValue: '1; --' }]),
      'invalid sequence',
    ],
    ['no migrations', withField('migrations', undefined), 'incomplete'],
    ['no Kindred version', withField('kindredVersion', 1), 'incomplete'],
  ])('is refused when it has %s', (_, line, message) => {
    expect(() => parseHeader(line)).toThrow(BackupFormatError);
    expect(() => parseHeader(line)).toThrow(message);
  });

  it("tells a table's start from the trailer, and refuses anything else", () => {
    expect(parseSectionLine('{"table":"post"}')).toEqual({ table: 'post' });
    expect(parseSectionLine('{"end":{"post":3}}')).toEqual({ end: { rows: { post: 3 } } });
    expect(() => parseSectionLine('{"end":{"post":-1}}')).toThrow(BackupFormatError);
    expect(() => parseSectionLine('a1\tQuietOwl')).toThrow(BackupFormatError);
  });
});
