/**
 * Pseudonyms: generated ones are friendly and gentle (adjective + nature noun + two
 * digits, e.g. QuietRiver42); chosen ones are checked here. Pure: no clock, no database.
 * Uniqueness is the database's job (unique pseudonym_key) with a retry on collision.
 */

/** Gentle adjectives. Nothing that is also street slang for a drug or a dose. */
export const ADJECTIVES: readonly string[] = [
  'Quiet',
  'Gentle',
  'Calm',
  'Steady',
  'Brave',
  'Kind',
  'Warm',
  'Bright',
  'Hopeful',
  'Patient',
  'Humble',
  'Honest',
  'Bold',
  'Clear',
  'Golden',
  'Silver',
  'Sunny',
  'Peaceful',
  'Tender',
  'Cheerful',
  'Caring',
  'Mindful',
  'Graceful',
  'Serene',
  'Soft',
  'Still',
  'Strong',
  'Wise',
  'Hardy',
  'Loyal',
  'Merry',
  'Noble',
  'Open',
  'Radiant',
  'Sturdy',
  'True',
  'Nimble',
  'Cozy',
  'Friendly',
  'Lively',
  'Resilient',
  'Rising',
  'Evergreen',
  'Early',
  'Vivid',
  'Lucky',
  'Rosy',
  'Amber',
  'Playful',
  'Faithful',
  'Thankful',
  'Joyful',
  'Curious',
  'Daring',
  'Earnest',
  'Fearless',
  'Generous',
  'Heartfelt',
  'Willing',
  'Wandering',
];

/** Nature nouns: water, trees, birds, flowers, land, sky. */
export const NATURE_NOUNS: readonly string[] = [
  'River',
  'Brook',
  'Harbor',
  'Maple',
  'Cedar',
  'Birch',
  'Aspen',
  'Pine',
  'Oak',
  'Robin',
  'Sparrow',
  'Wren',
  'Heron',
  'Otter',
  'Fox',
  'Canyon',
  'Valley',
  'Ridge',
  'Summit',
  'Shore',
  'Lake',
  'Bay',
  'Island',
  'Garden',
  'Orchard',
  'Prairie',
  'Forest',
  'Grove',
  'Stream',
  'Creek',
  'Tide',
  'Wave',
  'Sky',
  'Dawn',
  'Sunrise',
  'Moon',
  'Star',
  'Comet',
  'Breeze',
  'Rain',
  'Meadow',
  'Dove',
  'Finch',
  'Owl',
  'Deer',
  'Bear',
  'Pebble',
  'Clover',
  'Daisy',
  'Tulip',
  'Lily',
  'Iris',
  'Violet',
  'Aster',
  'Juniper',
  'Acorn',
  'Laurel',
  'Blossom',
  'Willow',
  'Fern',
  'Lantern',
  'Harvest',
  'Horizon',
  'Lighthouse',
  'Meadowlark',
  'Sunflower',
  'Marigold',
  'Seabird',
  'Heather',
  'Pond',
];

/** Words (lower case) that must never appear in a generated pseudonym. Checked by the spec. */
export const FORBIDDEN_FRAGMENTS: readonly string[] = [
  'poppy',
  'snow',
  'ice',
  'crystal',
  'rock',
  'grass',
  'weed',
  'dust',
  'brown',
  'white',
  'dragon',
  'horse',
  'lean',
  'dope',
  'smack',
  'pill',
  'high',
  'stone',
  'blue',
  'spice',
  'haze',
  'kush',
  'molly',
  'junk',
  'fix',
  'needle',
  'opi',
  'oxy',
  'fent',
  'heroin',
  'nod',
  'dead',
  'death',
];

export const PSEUDONYM_MIN = 3;
export const PSEUDONYM_MAX = 24;
const PSEUDONYM_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Names that could pass for the staff or the system, compared on the lower-cased name. */
const RESERVED_EXACT = new Set(['mod', 'mods', 'system', 'deleted', 'anonymous', 'kindred', 'null', 'undefined', 'root']);
const RESERVED_FRAGMENTS = ['admin', 'moderator', 'kindred'];

/** A source of uniform random integers in [0, max). Injected so that the spec is deterministic. */
export type RandomInt = (max: number) => number;

/** e.g. QuietRiver42: adjective + nature noun + two digits (10-99). */
export function generatePseudonym(randomInt: RandomInt): string {
  const adjective = ADJECTIVES[randomInt(ADJECTIVES.length)];
  const noun = NATURE_NOUNS[randomInt(NATURE_NOUNS.length)];
  const digits = 10 + randomInt(90);
  return `${adjective}${noun}${digits}`;
}

/** The unique key of a pseudonym: "QuietRiver42" and "quietriver42" are one name. */
export function pseudonymKey(pseudonym: string): string {
  return pseudonym.trim().toLowerCase();
}

export type PseudonymProblem = 'LENGTH' | 'CHARACTERS' | 'RESERVED';

/** Null when `pseudonym` has the shape of a pseudonym (length and characters; reserved names pass). */
export function pseudonymShapeProblem(pseudonym: string): Exclude<PseudonymProblem, 'RESERVED'> | null {
  if (pseudonym.length < PSEUDONYM_MIN || pseudonym.length > PSEUDONYM_MAX) return 'LENGTH';
  if (!PSEUDONYM_PATTERN.test(pseudonym)) return 'CHARACTERS';
  return null;
}

/** Null when `pseudonym` may be chosen, else what is wrong with it. */
export function pseudonymProblem(pseudonym: string): PseudonymProblem | null {
  const shape = pseudonymShapeProblem(pseudonym);
  if (shape) return shape;
  const key = pseudonym.toLowerCase();
  if (RESERVED_EXACT.has(key) || RESERVED_FRAGMENTS.some((fragment) => key.includes(fragment))) return 'RESERVED';
  return null;
}

/** Plain words for each problem. */
export function pseudonymProblemMessage(problem: PseudonymProblem): string {
  switch (problem) {
    case 'LENGTH':
      return `A pseudonym must be ${PSEUDONYM_MIN} to ${PSEUDONYM_MAX} characters long.`;
    case 'CHARACTERS':
      return "A pseudonym can only use letters, digits, '_' and '-' (no spaces).";
    case 'RESERVED':
      return 'That pseudonym could be mistaken for the moderators or the site. Please choose another.';
  }
}
