import { isUuid } from '../common/validation/uuid';
import { normalizeContentWarnings, SEARCH_QUERY_MAX, validateBody, validateSearchQuery, validateTitle } from './post-input';
import { ContentWarning } from './post-status';

const badInput = expect.objectContaining({ code: 'BAD_USER_INPUT' });

describe('post input checks', () => {
  it('trims titles and bodies and refuses empty or whitespace-only text', () => {
    expect(validateTitle('  Day 30  ', 140)).toBe('Day 30');
    expect(validateBody('\n hello \n', 20000)).toBe('hello');
    for (const empty of ['', '   ', '\n\t', null, undefined, 42]) {
      expect(() => validateTitle(empty, 140)).toThrow(badInput);
      expect(() => validateBody(empty, 20000)).toThrow(badInput);
    }
  });

  it('enforces the length limits after trimming, counting characters not UTF-16 units', () => {
    expect(validateTitle('a'.repeat(140), 140)).toHaveLength(140);
    expect(() => validateTitle('a'.repeat(141), 140)).toThrow(badInput);
    expect(validateTitle(`  ${'a'.repeat(140)}  `, 140)).toHaveLength(140);
    expect(validateTitle('🌱'.repeat(140), 140)).toBe('🌱'.repeat(140));
    expect(() => validateBody('b'.repeat(20001), 20000)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringContaining('20000') }),
    );
  });

  it('keeps known content warnings once each, in order', () => {
    expect(normalizeContentWarnings(undefined)).toEqual([]);
    expect(normalizeContentWarnings(null)).toEqual([]);
    expect(normalizeContentWarnings(['LOSS', 'RELAPSE', 'LOSS'])).toEqual([ContentWarning.LOSS, ContentWarning.RELAPSE]);
    expect(() => normalizeContentWarnings(['NOPE'])).toThrow(badInput);
  });

  it('recognises uuids so that malformed ids never reach Postgres', () => {
    expect(isUuid('6f1c1d8e-8f0a-4b7e-9d55-0b0a1c2d3e4f')).toBe(true);
    for (const bad of ['', 'abc', '6f1c1d8e-8f0a-4b7e-9d55-0b0a1c2d3e4', "6f1c1d8e-8f0a-4b7e-9d55-0b0a1c2d3e4f' OR 1=1", 12, null]) {
      expect(isUuid(bad)).toBe(false);
    }
  });

  it('refuses empty and overlong search queries', () => {
    expect(validateSearchQuery('  naloxone ')).toBe('naloxone');
    expect(() => validateSearchQuery('   ')).toThrow(badInput);
    expect(() => validateSearchQuery('x'.repeat(SEARCH_QUERY_MAX + 1))).toThrow(badInput);
  });
});
