import { ForeignKey, loadOrder, loadOrderViolations } from './load-order';

const key = (table: string, references: string, deferrable = false): ForeignKey => ({ table, references, deferrable });

describe('the order a restore loads tables in', () => {
  // Kindred's own shape: post and thread point at each other, post's key to thread deferrable.
  const kindred = [
    key('post', 'account'),
    key('post', 'post'),
    key('post', 'thread', true),
    key('thread', 'post'),
    key('thread', 'space'),
    key('report', 'post'),
    key('report', 'account'),
    key('report', 'moderation_case'),
    key('moderation_case', 'post'),
    key('moderation_case', 'account'),
  ];
  const tables = ['thread', 'report', 'post', 'space', 'moderation_case', 'account', 'installation_secret'];

  it('puts every table after the tables it references, ties alphabetically', () => {
    expect(loadOrder(tables, kindred)).toEqual(['account', 'installation_secret', 'post', 'moderation_case', 'report', 'space', 'thread']);
  });

  it('ignores a table referencing itself (checked at the end of its COPY) and keys to tables not loaded', () => {
    expect(loadOrder(['post'], [key('post', 'post'), key('post', 'account')])).toEqual(['post']);
  });

  it('is the same whatever order the catalog lists things in', () => {
    expect(loadOrder([...tables].reverse(), [...kindred].reverse())).toEqual(loadOrder(tables, kindred));
  });

  it('refuses a cycle no deferrable key breaks, naming its tables', () => {
    expect(() => loadOrder(['a', 'b', 'c'], [key('a', 'b'), key('b', 'a')])).toThrow('the foreign keys between a, b form a cycle');
  });

  it('finds where a given order loads a table before one it references', () => {
    expect(loadOrderViolations(['thread', 'post', 'account'], kindred)).toEqual(['post before account', 'thread before post']);
    expect(loadOrderViolations(loadOrder(tables, kindred), kindred)).toEqual([]);
  });
});
