import * as fs from 'node:fs';

/** The formats an alert channel speaks: a signed JSON webhook, or a ready message for Slack, Matrix or ntfy. */
export const ALERT_FORMATS = ['generic', 'slack', 'matrix', 'ntfy'] as const;
export type AlertFormat = (typeof ALERT_FORMATS)[number];

/** One on-call channel (ALERT_WEBHOOKS). Its URL and secrets are never logged: the name stands for it. */
export interface AlertChannelConfig {
  /** How logs, metrics and /health/details name the channel. */
  name: string;
  format: AlertFormat;
  /** generic, slack, ntfy: where to POST. matrix: the homeserver's base URL. */
  url: string;
  /** Signs each request (X-Kindred-Signature); required for generic. */
  secret: string | null;
  /** matrix: the access token of the account that posts; ntfy: an access token for a protected topic. */
  token: string | null;
  /** matrix: the room id (!abc:example.org). */
  room: string | null;
}

/** On-call alerts for cases nobody has claimed: who is told, after how long, how often. */
export interface AlertsConfig {
  channels: AlertChannelConfig[];
  /** An URGENT case unclaimed this long alerts the channels. */
  urgentAfterSeconds: number;
  /** HIGH cases alert too when set (an opt-in, with its own longer delay). */
  highAfterSeconds: number | null;
  /** While a case stays unclaimed, the alert repeats this often. */
  repeatSeconds: number;
  /** How often a process running workers looks for cases to alert about. */
  checkIntervalSeconds: number;
  deliveryAttempts: number;
  /** The first retry waits this long; each next one twice as long. */
  retryBaseSeconds: number;
  deliveryTimeoutSeconds: number;
}

type Env = Record<string, string | undefined>;

export class AlertsConfigError extends Error {}

const NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/;

function text(entry: Record<string, unknown>, key: string, where: string): string | null {
  const value = entry[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new AlertsConfigError(`${where}: "${key}" must be a string`);
  return value;
}

function httpUrl(raw: string | null, where: string): string {
  if (raw === null) throw new AlertsConfigError(`${where}: "url" is required`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AlertsConfigError(`${where}: "url" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AlertsConfigError(`${where}: "url" must be http or https`);
  return url.toString();
}

/** One entry of the ALERT_WEBHOOKS list, checked so a mistake stops the start, not the 3 a.m. alert. */
export function parseAlertChannel(raw: unknown, index: number, defaultSecret: string | null): AlertChannelConfig {
  const where = `ALERT_WEBHOOKS[${index}]`;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new AlertsConfigError(`${where} must be an object`);
  const entry = raw as Record<string, unknown>;
  const format = text(entry, 'format', where) ?? 'generic';
  if (!(ALERT_FORMATS as readonly string[]).includes(format))
    throw new AlertsConfigError(`${where}: "format" must be one of ${ALERT_FORMATS.join(', ')}, got "${format}"`);
  const name = text(entry, 'name', where) ?? `${format}-${index + 1}`;
  if (!NAME.test(name)) throw new AlertsConfigError(`${where}: "name" must be lowercase letters, digits, - or _ (at most 40)`);
  const secret = text(entry, 'secret', where) ?? defaultSecret;
  if (secret !== null && secret.length < 16) throw new AlertsConfigError(`${where}: "secret" must be at least 16 characters`);
  if (format === 'generic' && secret === null)
    throw new AlertsConfigError(`${where}: a generic webhook is signed: give it a "secret" (or set ALERT_SIGNING_SECRET)`);
  const room = text(entry, 'room', where);
  const token = text(entry, 'token', where);
  if (format === 'matrix' && (room === null || token === null))
    throw new AlertsConfigError(`${where}: a matrix channel needs "room" (!id:server) and "token" (the posting account's access token)`);
  return { name, format: format as AlertFormat, url: httpUrl(text(entry, 'url', where), where), secret, token, room };
}

/** ALERT_WEBHOOKS (a JSON list) or ALERT_WEBHOOKS_FILE (the same list in a file, e.g. a container secret). */
export function parseAlertChannels(env: Env): AlertChannelConfig[] {
  const inline = env.ALERT_WEBHOOKS?.trim() || null;
  const file = env.ALERT_WEBHOOKS_FILE?.trim() || null;
  if (inline && file) throw new AlertsConfigError('set ALERT_WEBHOOKS or ALERT_WEBHOOKS_FILE, not both');
  const source = inline ?? (file ? fs.readFileSync(file, 'utf8') : null);
  if (source === null) return [];
  let list: unknown;
  try {
    list = JSON.parse(source);
  } catch {
    throw new AlertsConfigError('ALERT_WEBHOOKS must be a JSON list like [{"format":"slack","url":"https://hooks.slack.com/..."}]');
  }
  if (!Array.isArray(list)) throw new AlertsConfigError('ALERT_WEBHOOKS must be a JSON list');
  const defaultSecret = env.ALERT_SIGNING_SECRET?.trim() || null;
  const channels = list.map((entry, index) => parseAlertChannel(entry, index, defaultSecret));
  const names = new Set<string>();
  for (const channel of channels) {
    if (names.has(channel.name)) throw new AlertsConfigError(`ALERT_WEBHOOKS: two channels are named "${channel.name}"`);
    names.add(channel.name);
  }
  return channels;
}
