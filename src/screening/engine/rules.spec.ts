import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileRules, DEFAULT_RULES_DATA, defaultRules, RulesError, ScreeningRules, screenText } from './index';
import { loadRules } from './load-rules';

/**
 * Compiling the bundled rules costs seconds of CPU and most of a gigabyte of heap, so each test
 * here compiles only what it is about: the operator's phrases share one compilation over the
 * defaults, and phrases that must be refused meet only the bundled lexicons (phrases compile
 * in order, so a refusal after the bundled phrases would first compile them all).
 */
const BUNDLED_LEXICONS = DEFAULT_RULES_DATA.map((d) => ({ lexicons: d.lexicons }));

describe('rules', () => {
  let operatorRules: ScreeningRules;
  beforeAll(() => {
    operatorRules = compileRules([...DEFAULT_RULES_DATA, { patterns: { 'spam.known': ['a+b+ zz'], 'spam.scheme': ['join my * group'] } }]);
  });

  it('compiles the defaults once and shares them', () => {
    expect(defaultRules()).toBe(defaultRules());
  });

  it('is deterministic', () => {
    const text = 'I am an addict and anyone got percs? 614-555-0192';
    expect(screenText(text)).toEqual(screenText(text));
  });

  it('rejects unknown phrase lists and unknown lexicons', () => {
    expect(() => compileRules([{ patterns: { 'selfHarm.strnog': ['x'] } }])).toThrow(RulesError);
    expect(() => compileRules([...BUNDLED_LEXICONS, { patterns: { 'sourcing.request': ['who has @drug', 'who has @nope'] } }])).toThrow(
      /unknown lexicon "@nope"/,
    );
  });

  it('treats operator text as literal words: regex syntax cannot do anything', () => {
    expect(() => compileRules([...BUNDLED_LEXICONS, { patterns: { 'spam.known': ['(a+)+$'] } }])).toThrow(RulesError);
    // Were 'a+b+' a regex, this input would backtrack without end and hang the run (a
    // synchronous call is beyond the reach of jest's timeout).
    expect(screenText(`${'a'.repeat(5000)}!`, undefined, operatorRules).outcome).toBe('PUBLISH');
  });

  it('supports * for one word in operator phrases', () => {
    expect(screenText('join my telegram group', undefined, operatorRules).categories).toEqual(['SPAM']);
    expect(screenText('join my group', undefined, operatorRules).outcome).toBe('PUBLISH');
  });
});

describe('loadRules', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kindred-rules-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('returns the defaults without a directory', () => {
    expect(loadRules()).toBe(defaultRules());
  });

  it("merges the operator's cities, slang and person-first terms", () => {
    writeFileSync(
      join(dir, 'ohio.json'),
      JSON.stringify({ lexicons: { city: ['Zanesfield Junction'], drug: ['zaza'] }, expansions: { hmuu: 'hit me up' } }),
    );
    writeFileSync(join(dir, 'terms.json'), JSON.stringify({ personFirst: [{ kind: 'label', terms: ['dopehound'] }] }));
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const rules = loadRules(dir);
    expect(screenText('percs near zanesfield junction?', undefined, rules).categories).toEqual(['DRUG_SOURCING']);
    expect(screenText('got zaza, hmuu', undefined, rules).categories).toEqual(['DRUG_SOURCING']);
    expect(screenText('I was a dopehound for years', undefined, rules).suggestions.map((s) => s.term)).toEqual(['dopehound']);
    expect(screenText('percs near zanesfield junction?').outcome).toBe('PUBLISH');
  });

  it('names the file in errors', () => {
    writeFileSync(join(dir, 'bad.json'), '{ nope');
    expect(() => loadRules(dir)).toThrow(/bad\.json/);
    rmSync(join(dir, 'bad.json'));
    writeFileSync(join(dir, 'shape.json'), JSON.stringify({ regexes: ['.*'] }));
    expect(() => loadRules(dir)).toThrow(/unknown key "regexes"/);
  });
});
