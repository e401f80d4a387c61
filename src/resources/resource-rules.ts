import { RESOURCE_LOCALES, RESOURCE_TOPICS, ResourceLocale, ResourceTopic } from './resource-vocabulary';

/**
 * Pure: what an admin may write into the library. Everything here is shown to signed-out
 * readers and rendered as a link, so a URL must be plain http(s) (no javascript:, data: or
 * relative links) and every text has a bound.
 */
export interface ResourceLimits {
  titleMax: number;
  bodyMax: number;
  contactMax: number;
  urlMax: number;
}

export interface ResourceDraft {
  topic: ResourceTopic;
  locale: ResourceLocale;
  title: string;
  body: string;
  url: string | null;
  contact: string | null;
}

export type ResourceProblem = { field: string; message: string };

export function isTopic(value: string): value is ResourceTopic {
  return (RESOURCE_TOPICS as readonly string[]).includes(value);
}

export function isLocale(value: string): value is ResourceLocale {
  return (RESOURCE_LOCALES as readonly string[]).includes(value);
}

/** The URL as stored (normalized by the WHATWG parser), or a problem. Empty means none. */
export function cleanUrl(raw: string | null | undefined, max: number): { url: string | null } | ResourceProblem {
  const trimmed = raw?.trim() ?? '';
  if (trimmed === '') return { url: null };
  if ([...trimmed].length > max) return { field: 'url', message: `The link can be at most ${max} characters.` };
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return { field: 'url', message: 'The link must be a full web address starting with https:// or http://.' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { field: 'url', message: 'The link must start with https:// or http://.' };
  }
  if (parsed.username || parsed.password) return { field: 'url', message: 'The link must not carry a user name or password.' };
  return { url: parsed.toString() };
}

function text(
  field: string,
  label: string,
  raw: string | null | undefined,
  max: number,
  required: boolean,
): string | null | ResourceProblem {
  const value = raw?.trim() ?? '';
  if (value === '') return required ? { field, message: `${label} cannot be empty.` } : null;
  if ([...value].length > max) return { field, message: `${label} can be at most ${max} characters.` };
  return value;
}

function isProblem(value: unknown): value is ResourceProblem {
  return typeof value === 'object' && value !== null && 'field' in value && 'message' in value;
}

export interface RawResource {
  topic: string;
  locale: string;
  title: string;
  body: string;
  url?: string | null;
  contact?: string | null;
}

/** A complete entry from an admin's input: trimmed, bounded, the URL checked. */
export function cleanResource(input: RawResource, limits: ResourceLimits): ResourceDraft | ResourceProblem {
  if (!isTopic(input.topic)) return { field: 'topic', message: 'Unknown topic.' };
  if (!isLocale(input.locale)) return { field: 'locale', message: 'Unknown language.' };
  const title = text('title', 'The title', input.title, limits.titleMax, true);
  if (isProblem(title)) return title;
  const body = text('body', 'The text', input.body, limits.bodyMax, true);
  if (isProblem(body)) return body;
  const contact = text('contact', 'The contact', input.contact, limits.contactMax, false);
  if (isProblem(contact)) return contact;
  const url = cleanUrl(input.url, limits.urlMax);
  if (isProblem(url)) return url;
  return { topic: input.topic, locale: input.locale, title: title as string, body: body as string, contact, url: url.url };
}

export function isResourceProblem(value: ResourceDraft | ResourceProblem): value is ResourceProblem {
  return isProblem(value) && !('topic' in value);
}
