import {
  ADJECTIVES,
  FORBIDDEN_FRAGMENTS,
  generatePseudonym,
  NATURE_NOUNS,
  pseudonymKey,
  pseudonymProblem,
  pseudonymShapeProblem,
  PSEUDONYM_MAX,
} from './pseudonym-generator';

function sequence(...values: number[]) {
  let i = 0;
  return (max: number) => values[i++ % values.length] % max;
}

describe('generatePseudonym', () => {
  it('joins an adjective, a nature noun and two digits', () => {
    expect(generatePseudonym(sequence(0, 0, 32))).toBe('QuietRiver42');
  });

  it('always produces a valid pseudonym', () => {
    for (let a = 0; a < ADJECTIVES.length; a++) {
      for (let n = 0; n < NATURE_NOUNS.length; n++) {
        for (const d of [0, 89]) {
          const name = generatePseudonym(sequence(a, n, d));
          expect(pseudonymProblem(name)).toBeNull();
          expect(name.length).toBeLessThanOrEqual(PSEUDONYM_MAX);
          expect(name).toMatch(/^[A-Z][a-z]+[A-Z][a-z]+[1-9][0-9]$/);
        }
      }
    }
  });

  it('uses only gentle words', () => {
    for (const word of [...ADJECTIVES, ...NATURE_NOUNS]) {
      for (const fragment of FORBIDDEN_FRAGMENTS) {
        expect({ word, contains: word.toLowerCase().includes(fragment) }).toEqual({ word, contains: false });
      }
    }
  });

  it('has enough combinations to make collisions rare', () => {
    expect(new Set(ADJECTIVES).size * new Set(NATURE_NOUNS).size * 90).toBeGreaterThan(200_000);
  });

  it('uses Math.random-like sources without going out of range', () => {
    const random = (max: number) => Math.floor(Math.random() * max);
    for (let i = 0; i < 1000; i++) expect(pseudonymProblem(generatePseudonym(random))).toBeNull();
  });
});

describe('pseudonymProblem', () => {
  it.each(['abc', 'Quiet_River-42', 'a'.repeat(24), 'ZZZ'])('accepts %s', (name) => {
    expect(pseudonymProblem(name)).toBeNull();
  });

  it.each([
    ['ab', 'LENGTH'],
    ['a'.repeat(25), 'LENGTH'],
    ['', 'LENGTH'],
    ['quiet river', 'CHARACTERS'],
    ['quiet.river', 'CHARACTERS'],
    ['rivér42', 'CHARACTERS'],
    ['name@example', 'CHARACTERS'],
    ['Admin', 'RESERVED'],
    ['the_moderator', 'RESERVED'],
    ['KindredTeam', 'RESERVED'],
    ['mod', 'RESERVED'],
  ])('refuses %s (%s)', (name, problem) => {
    expect(pseudonymProblem(name)).toBe(problem);
  });
});

describe('pseudonymKey', () => {
  it('lower-cases so that names differing only in case collide', () => {
    expect(pseudonymKey('QuietRiver42')).toBe(pseudonymKey('quietRIVER42'));
  });
});

describe('pseudonymShapeProblem', () => {
  it.each([
    ['jane.doe@example.com', 'CHARACTERS'],
    ['+1 (555) 201-7788', 'CHARACTERS'],
    ['Jane Doe', 'CHARACTERS'],
    ['ab', 'LENGTH'],
    ['x'.repeat(25), 'LENGTH'],
  ])('refuses %p (%s), so it is never looked up or stored', (typed, problem) => {
    expect(pseudonymShapeProblem(typed)).toBe(problem);
  });

  it('takes any pseudonym shape, reserved names included (they may exist from before)', () => {
    for (const name of ['QuietRiver42', 'Morning_Walker-7', 'admin']) expect(pseudonymShapeProblem(name)).toBeNull();
  });
});
