/** docs/policy.md's default crisis resources (United States). A deployment elsewhere overrides them with CRISIS_RESOURCES_FILE. */
import { CRISIS_CATEGORIES, type CrisisCategory, isCrisisCategory } from './engine/vocabulary';

export interface CrisisResource {
  name: string;
  contact: string;
  description: string;
  url: string | null;
  /** Which held categories show it to the author (POLICY's table); the query lists them all. */
  showFor: CrisisCategory[];
}

export const DEFAULT_CRISIS_RESOURCES: readonly CrisisResource[] = [
  // 911 for both: "someone is overdosing or in danger now" covers a plan for tonight too.
  {
    name: 'Emergency services',
    contact: 'call 911',
    description: 'someone is overdosing or in danger now',
    url: null,
    showFor: ['OVERDOSE_EMERGENCY', 'SELF_HARM'],
  },
  {
    name: '988 Suicide & Crisis Lifeline',
    contact: 'call or text 988; chat at 988lifeline.org',
    description: 'thoughts of suicide or a substance-use crisis, 24/7',
    url: 'https://988lifeline.org',
    showFor: ['SELF_HARM'],
  },
  {
    name: 'Crisis Text Line',
    contact: 'text HOME to 741741',
    description: 'any crisis, by text, 24/7',
    url: 'https://www.crisistextline.org',
    showFor: ['SELF_HARM'],
  },
  {
    name: 'SAMHSA National Helpline',
    contact: '1-800-662-4357 (1-800-662-HELP)',
    description: 'free, confidential treatment referral, 24/7, English and Spanish',
    url: 'https://www.samhsa.gov/find-help/national-helpline',
    showFor: [],
  },
  {
    name: 'Never Use Alone',
    contact: '1-800-484-3731',
    description: 'if you are going to use: someone stays on the line and sends help if you stop responding',
    url: 'https://neverusealone.com',
    showFor: ['OVERDOSE_EMERGENCY'],
  },
  {
    name: 'Naloxone steps',
    contact:
      'try to wake them, call 911, give naloxone, rescue breathing, a second dose after 2-3 minutes if no response, recovery position, stay with them',
    description: 'overdose response',
    url: null,
    showFor: ['OVERDOSE_EMERGENCY'],
  },
];

/**
 * Validates an operator's crisis resources file: a JSON array of {name, contact, description,
 * url?, showFor?}; showFor lists SELF_HARM and/or OVERDOSE_EMERGENCY (default: both).
 */
export function parseCrisisResources(json: string, source: string): CrisisResource[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || parsed.length === 0) throw new Error(`${source}: expected a non-empty JSON array of crisis resources`);
  return parsed.map((entry: unknown, index) => {
    const item = entry as Partial<Record<keyof CrisisResource, unknown>>;
    for (const key of ['name', 'contact', 'description'] as const) {
      if (typeof item[key] !== 'string' || (item[key] as string).trim() === '')
        throw new Error(`${source}: entry ${index + 1} needs a "${key}" string`);
    }
    if (item.url !== undefined && item.url !== null && typeof item.url !== 'string')
      throw new Error(`${source}: entry ${index + 1} has a "url" that is not a string`);
    const showFor = item.showFor ?? CRISIS_CATEGORIES;
    if (!Array.isArray(showFor) || !showFor.every((category: unknown) => typeof category === 'string' && isCrisisCategory(category))) {
      throw new Error(`${source}: entry ${index + 1} has a "showFor" that is not a list of ${CRISIS_CATEGORIES.join(' / ')}`);
    }
    return {
      name: item.name as string,
      contact: item.contact as string,
      description: item.description as string,
      url: (item.url as string | undefined) ?? null,
      showFor: [...showFor] as CrisisCategory[],
    };
  });
}

/** The resources to show the author of a post held for these categories. */
export function resourcesFor(categories: readonly string[], resources: readonly CrisisResource[]): CrisisResource[] {
  return resources.filter((resource) => resource.showFor.some((category) => categories.includes(category)));
}
