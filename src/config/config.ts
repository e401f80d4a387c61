import * as os from 'node:os';
import * as path from 'node:path';
import { AlertsConfig, AlertsConfigError, parseAlertChannels } from './alerts-config';
import { projectRoot } from './project-root';

/**
 * Every setting Kindred reads, parsed from the environment once, validated and typed.
 * Defaults are chosen so that `npm start` works on a fresh machine with nothing set.
 * README.md documents each variable; keep the two in step.
 */
export interface KindredConfig {
  port: number;
  /** The built web client served at / (WEB_CLIENT_DIR, default dist/web); null when WEB_CLIENT=off. */
  webClientDir: string | null;
  /** Least severe Nest log level printed: error, warn, log, debug or verbose. */
  logLevel: LogLevelName;
  /** LOG_FORMAT: text for people at a terminal, json (one object a line, with the request id) for a log shipper. */
  logFormat: LogFormat;
  host: string;
  dataDir: string;
  /** Unset means: start an embedded Postgres under dataDir. */
  databaseUrl: string | null;
  embeddedPostgresPort: number;
  /** Unset means: BullMQ's PostgreSQL backend on the same database. */
  redisUrl: string | null;
  /** BullMQ key prefix on Redis: lets several deployments (or test runs) share one Redis. */
  queuePrefix: string;
  /** 'on' runs screening workers inside the API process. */
  workersInProcess: boolean;
  /** Screening jobs one worker process runs at once: a job mostly waits (on the database, on a screening thread), so several overlap. */
  workerConcurrency: number;
  /** How workers and producers use the queue backend. */
  queue: QueueSettings;
  /** Where `npm run worker` records that it still reaches the database (a container healthcheck reads its age); unset: nowhere. */
  workerHeartbeatFile: string | null;
  sessionTtlDays: number;
  passphraseMinLength: number;
  recoveryCodeCount: number;
  signIn: { freeFailures: number; baseDelaySeconds: number; maxDelaySeconds: number };
  limits: {
    titleMax: number;
    bodyMax: number;
    reportNoteMax: number;
    /** How many of their own reports a member's list (Account.myReports) shows, newest first. */
    myReportsMax: number;
    pageSizeMax: number;
    /** Search ranks at most this many matches: all of a rarer query's, a common one's newest. */
    searchCandidatesMax: number;
    /** Search looks for its newest matches among at most this many newest public posts first. */
    searchRecentWindow: number;
    postsPerWindow: number;
    postWindowSeconds: number;
    queryDepthMax: number;
    queryCostMax: number;
    /** Most members one member may block: every request of theirs carries the list (Viewer.hiddenAuthorIds). */
    blocksMax: number;
    /** Most threads one member may follow, posts bookmark, and threads plus spaces mute (each). */
    connectionsMax: number;
  };
  /** Daily check-ins (src/checkins): how long their words may be, and the history's page size. */
  checkIns: {
    intentionMax: number;
    noteMax: number;
    historyPageDefault: number;
  };
  screening: {
    sweepIntervalSeconds: number;
    /** A PENDING post older than this is assumed lost and enqueued again. */
    pendingGraceSeconds: number;
    rulesDir: string | null;
    jobAttempts: number;
    /** The learned second opinion after the rules (SCREENING_MODEL): off, the bundled weights, or a weights file. */
    model: ScreeningModelSetting;
  };
  moderation: {
    reportHideThreshold: number;
    /** Reports from accounts younger than this join the case but do not count toward hiding. */
    reportMinAccountAgeHours: number;
    claimMinutes: number;
    suspendDaysMax: number;
    /** The longest window moderationStats reports review times over. */
    statsWindowHoursMax: number;
  };
  crisisResourcesFile: string | null;
  /** Where members and moderators reach Kindred (PUBLIC_URL, without a trailing slash); alerts link cases to it. Unset: http://localhost:PORT. */
  publicUrl: string;
  alerts: AlertsConfig;
  databaseRoles: {
    /**
     * The role that owns the schema: runs migrations and grants the app's role (DATABASE_URL)
     * what it needs. Unset with DATABASE_URL set: migrations run as DATABASE_URL's role.
     */
    ownerUrl: string | null;
  };
  /** The worker threads that run the screening engine, off the API's event loop. */
  screeningPool: {
    threads: number;
    /** Screening tasks allowed to wait for a thread before screenDraft answers RATE_LIMITED. */
    queueMax: number;
  };
  /** screenDraft per account: at most `perWindow` checks in the last `windowSeconds`. */
  draftScreening: { perWindow: number; windowSeconds: number };
  /** Who counts toward hiding a post by reports (Discourse-style trust: standing is earned). */
  /** The resource library's bounds on what an admin writes (src/resources/resource-rules.ts). */
  resources: { titleMax: number; bodyMax: number; contactMax: number; urlMax: number; reorderMax: number };
  reportStanding: {
    minDaysActive: number;
    minPublishedPosts: number;
    /** A WARN this recent takes standing away; any SUSPEND or BAN takes it away for good. */
    warnCooldownDays: number;
  };
  /** Downloads of a member's own data (myData) per account: at most `perWindow` in the last `windowSeconds`. */
  dataExport: { perWindow: number; windowSeconds: number };
  /** Recovery progress: the day-count milestones (anniversaries follow every year) and how many came-back dates a member keeps. */
  progress: { dayMilestones: number[]; comebacksMax: number };
  /** The per-member edit limit (the posting limit's mechanism, its own budget). */
  edits: { perWindow: number; windowSeconds: number };
  timePrivacy: {
    withdrawnBodyRetentionDays: number;
    eraseIntervalSeconds: number;
    /** Seals page cursors; unset: a random key per process (cursors then work on that instance only). */
    cursorSecret: string | null;
  };
  accountAbuse: AccountAbuseConfig;
  transport: TransportConfig;
  metrics: MetricsConfig;
  responseCache: ResponseCacheConfig;
}

/** Signed-out readers' answers kept in memory until the forum changes (src/graphql/response-cache). */
export interface ResponseCacheConfig {
  /** RESPONSE_CACHE_TTL_SECONDS: the longest an answer is kept even when nothing changed (days in recovery tick); 0: no cache. */
  ttlSeconds: number;
  /** RESPONSE_CACHE_MAX_MB: memory for cached answers per API process; the least recently used go first. */
  maxMb: number;
}

export interface QueueSettings {
  /**
   * QUEUE_SYNCHRONOUS_COMMIT (Postgres backend only): whether the queue's own writes (add,
   * claim, complete) wait for their WAL flush. Off by default: the committed PENDING post,
   * not the job row, is the promise (a job lost in a database crash is enqueued again by the
   * sweeper), and a later synchronous commit of the app's flushes every earlier one anyway.
   */
  synchronousCommit: boolean;
  /**
   * QUEUE_DRAIN_DELAY_SECONDS: how long an idle worker blocks before it looks for jobs again
   * (BullMQ's drainDelay). It is only the fallback: a new job wakes it at once (NOTIFY on the
   * Postgres backend, a marker on Redis).
   */
  drainDelaySeconds: number;
}

/** Prometheus metrics for the operator: on a port of their own, behind a token, or both. */
export interface MetricsConfig {
  /** METRICS_PORT: a separate listener serving GET /metrics (API and workers alike); null: none. */
  port: number | null;
  /** METRICS_HOST: where that listener binds; defaults to HOST. */
  host: string;
  /** METRICS_TOKEN: bearer token for /metrics (on the main port, and on METRICS_PORT when set); null: not on the main port. */
  token: string | null;
  /** METRICS_OPERATION_NAMES: operation names of the operator's own clients, labelled beside the web client's. */
  operationNames: string[];
}

/** Limits against abuse of the account endpoints (registration floods, sign-in guessing). */
export interface AccountAbuseConfig {
  /** Honour X-Forwarded-For (Fastify's trustProxy): only behind a proxy that sets it. */
  trustProxy: boolean;
  registrationsPerClient: number;
  registrationWindowSeconds: number;
  /** HMAC key for pseudonyms in sign_in_throttle; unset means a per-installation secret kept in the database. */
  throttleKey: string | null;
  /** Signs proof-of-work challenges; unset means a per-installation secret kept in the database. */
  powHmacKey: string | null;
  /** Upper bound of the secret counter a client must find: the average work is half of it. */
  powMaxNumber: number;
  powChallengeTtlSeconds: number;
  /** How often stale throttle, counter and spent-challenge rows are purged (by processes running workers). */
  purgeIntervalSeconds: number;
}

/** How the API meets the network: GraphQL request limits, sockets, headers, health details. */
export interface TransportConfig {
  queryAliasesMax: number;
  queryDirectivesMax: number;
  /** Lexical tokens in one document: bounds parsing work before any other rule runs. */
  queryTokensMax: number;
  /** Schema introspection; off in production unless asked for. */
  introspection: boolean;
  /** "Did you mean …" hints in validation errors; they leak field names, so off in production. */
  suggestions: boolean;
  /** Largest graphql-ws message accepted; a bigger one closes the socket (1009). */
  wsMaxPayloadBytes: number;
  /** Browser origins allowed to open a socket besides the server's own. */
  allowedOrigins: string[];
  /** Behind a TLS-terminating proxy: send HSTS. */
  trustProxyTls: boolean;
  /** Bearer token for GET /health/details; null disables that endpoint. */
  healthToken: string | null;
}

type Env = Record<string, string | undefined>;

/** Same shape as the screening model's loader takes (config names no domain, so it is spelled out here). */
export type ScreeningModelSetting = { kind: 'off' } | { kind: 'bundled' } | { kind: 'file'; path: string };

/** SCREENING_MODEL: unset or "on" the bundled weights, "off" none, anything else a weights file. */
function screeningModel(env: Env): ScreeningModelSetting {
  const raw = str(env, 'SCREENING_MODEL');
  if (raw === null || raw.toLowerCase() === 'on') return { kind: 'bundled' };
  if (raw.toLowerCase() === 'off') return { kind: 'off' };
  return { kind: 'file', path: path.resolve(raw) };
}

export const LOG_FORMATS = ['text', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

function logFormat(env: Env): LogFormat {
  const raw = str(env, 'LOG_FORMAT') ?? 'text';
  if (!(LOG_FORMATS as readonly string[]).includes(raw)) throw new ConfigError(`LOG_FORMAT must be text or json, got "${raw}"`);
  return raw as LogFormat;
}

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

function logLevel(env: Env): LogLevelName {
  const raw = str(env, 'LOG_LEVEL') ?? 'log';
  if (!(LOG_LEVELS as readonly string[]).includes(raw))
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return raw as LogLevelName;
}

export class ConfigError extends Error {}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function str(env: Env, name: string): string | null {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? null : raw.trim();
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = str(env, name);
  if (raw === null) return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['off', 'false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be on or off, got "${raw}"`);
}

/** PROGRESS_DAY_MILESTONES: comma-separated whole days under a year, e.g. 30,60,90,180 (the default). */
function dayMilestones(env: Env): number[] {
  const raw = str(env, 'PROGRESS_DAY_MILESTONES');
  if (raw === null) return [30, 60, 90, 180];
  const days = raw.split(',').map((part) => part.trim());
  if (days.some((day) => !/^\d+$/.test(day) || Number(day) < 1 || Number(day) > 364))
    throw new ConfigError(
      `PROGRESS_DAY_MILESTONES must be comma-separated whole days from 1 to 364 (anniversaries follow every year), got "${raw}"`,
    );
  return [...new Set(days.map(Number))].sort((a, b) => a - b);
}

function cursorSecret(env: Env): string | null {
  const raw = str(env, 'CURSOR_SECRET');
  if (raw !== null && raw.length < 32) throw new ConfigError('CURSOR_SECRET must be at least 32 characters');
  return raw;
}

export function loadConfig(env: Env = process.env): KindredConfig {
  const dataDir = path.resolve(str(env, 'DATA_DIR') ?? './.data');
  // The embedded database makes its own owner and app roles: an owner URL there would be ignored.
  if (str(env, 'DATABASE_OWNER_URL') && !str(env, 'DATABASE_URL'))
    throw new ConfigError('DATABASE_OWNER_URL needs DATABASE_URL (the app role on the same database)');
  const port = int(env, 'PORT', 3000, 0, 65535);
  return {
    port,
    webClientDir: flag(env, 'WEB_CLIENT', true)
      ? path.resolve(str(env, 'WEB_CLIENT_DIR') ?? path.join(projectRoot(), 'dist', 'web'))
      : null,
    logLevel: logLevel(env),
    logFormat: logFormat(env),
    host: str(env, 'HOST') ?? '0.0.0.0',
    dataDir,
    databaseUrl: str(env, 'DATABASE_URL'),
    embeddedPostgresPort: int(env, 'EMBEDDED_POSTGRES_PORT', 54320, 1024, 65535),
    redisUrl: str(env, 'REDIS_URL'),
    queuePrefix: str(env, 'QUEUE_PREFIX') ?? 'kindred',
    workersInProcess: flag(env, 'WORKERS', true),
    workerConcurrency: int(env, 'WORKER_CONCURRENCY', 16, 1, 64),
    queue: {
      synchronousCommit: flag(env, 'QUEUE_SYNCHRONOUS_COMMIT', false),
      drainDelaySeconds: int(env, 'QUEUE_DRAIN_DELAY_SECONDS', 5, 1, 3600),
    },
    workerHeartbeatFile: str(env, 'WORKER_HEARTBEAT_FILE'),
    sessionTtlDays: int(env, 'SESSION_TTL_DAYS', 30, 1, 365),
    passphraseMinLength: int(env, 'PASSPHRASE_MIN_LENGTH', 12, 12, 128),
    recoveryCodeCount: int(env, 'RECOVERY_CODE_COUNT', 10, 1, 50),
    signIn: {
      freeFailures: int(env, 'SIGNIN_FREE_FAILURES', 5, 1, 100),
      baseDelaySeconds: int(env, 'SIGNIN_BASE_DELAY_SECONDS', 2, 1, 3600),
      maxDelaySeconds: int(env, 'SIGNIN_MAX_DELAY_SECONDS', 900, 1, 86400),
    },
    limits: {
      titleMax: int(env, 'TITLE_MAX_CHARS', 140, 1, 1000),
      bodyMax: int(env, 'BODY_MAX_CHARS', 20000, 1, 200000),
      reportNoteMax: int(env, 'REPORT_NOTE_MAX_CHARS', 1000, 1, 20000),
      myReportsMax: int(env, 'MY_REPORTS_MAX', 100, 1, 1000),
      pageSizeMax: int(env, 'PAGE_SIZE_MAX', 100, 1, 1000),
      searchCandidatesMax: int(env, 'SEARCH_CANDIDATES_MAX', 1000, 1, 1_000_000),
      searchRecentWindow: int(env, 'SEARCH_RECENT_WINDOW', 20000, 1, 10_000_000),
      postsPerWindow: int(env, 'POST_RATE_LIMIT', 30, 1, 100000),
      postWindowSeconds: int(env, 'POST_RATE_WINDOW_SECONDS', 600, 1, 86400),
      queryDepthMax: int(env, 'QUERY_DEPTH_MAX', 10, 3, 50),
      queryCostMax: int(env, 'QUERY_COST_MAX', 25000, 100, 10_000_000),
      blocksMax: int(env, 'BLOCKS_MAX', 500, 1, 10_000),
      connectionsMax: int(env, 'CONNECTIONS_MAX', 5000, 1, 1_000_000),
    },
    checkIns: {
      intentionMax: int(env, 'CHECKIN_INTENTION_MAX_CHARS', 200, 1, 5000),
      noteMax: int(env, 'CHECKIN_NOTE_MAX_CHARS', 2000, 1, 20000),
      historyPageDefault: int(env, 'CHECKIN_HISTORY_PAGE', 30, 1, 1000),
    },
    screening: {
      sweepIntervalSeconds: int(env, 'SWEEP_INTERVAL_SECONDS', 5, 1, 3600),
      pendingGraceSeconds: int(env, 'PENDING_GRACE_SECONDS', 10, 1, 86400),
      rulesDir: str(env, 'SCREENING_RULES_DIR'),
      jobAttempts: int(env, 'SCREENING_JOB_ATTEMPTS', 5, 1, 100),
      model: screeningModel(env),
    },
    moderation: {
      reportHideThreshold: int(env, 'REPORT_HIDE_THRESHOLD', 3, 1, 1000),
      reportMinAccountAgeHours: int(env, 'REPORT_MIN_ACCOUNT_AGE_HOURS', 24, 0, 24 * 365),
      claimMinutes: int(env, 'CLAIM_MINUTES', 10, 1, 1440),
      suspendDaysMax: int(env, 'SUSPEND_DAYS_MAX', 365, 1, 3650),
      statsWindowHoursMax: int(env, 'MODERATION_STATS_WINDOW_HOURS_MAX', 90 * 24, 1, 3650 * 24),
    },
    crisisResourcesFile: str(env, 'CRISIS_RESOURCES_FILE'),
    publicUrl: publicUrl(env) ?? `http://localhost:${port}`,
    alerts: alertsConfig(env),
    databaseRoles: {
      ownerUrl: str(env, 'DATABASE_OWNER_URL'),
    },
    screeningPool: {
      // One core stays with the event loop; more than four threads rarely pays on one host.
      threads: int(env, 'SCREENING_THREADS', Math.max(1, Math.min(4, os.availableParallelism() - 1)), 1, 64),
      queueMax: int(env, 'SCREENING_QUEUE_MAX', 32, 0, 10_000),
    },
    draftScreening: {
      perWindow: int(env, 'SCREEN_DRAFT_RATE_LIMIT', 30, 1, 100_000),
      windowSeconds: int(env, 'SCREEN_DRAFT_RATE_WINDOW_SECONDS', 60, 1, 86_400),
    },
    resources: {
      titleMax: int(env, 'RESOURCE_TITLE_MAX_CHARS', 200, 1, 1000),
      bodyMax: int(env, 'RESOURCE_BODY_MAX_CHARS', 4000, 1, 50_000),
      contactMax: int(env, 'RESOURCE_CONTACT_MAX_CHARS', 200, 1, 1000),
      urlMax: int(env, 'RESOURCE_URL_MAX_CHARS', 500, 10, 4000),
      reorderMax: int(env, 'RESOURCE_REORDER_MAX', 200, 1, 10_000),
    },
    reportStanding: {
      minDaysActive: int(env, 'REPORT_TRUST_MIN_DAYS_ACTIVE', 3, 0, 3650),
      minPublishedPosts: int(env, 'REPORT_TRUST_MIN_PUBLISHED_POSTS', 3, 0, 100000),
      warnCooldownDays: int(env, 'REPORT_TRUST_WARN_COOLDOWN_DAYS', 90, 0, 3650),
    },
    progress: {
      dayMilestones: dayMilestones(env),
      comebacksMax: int(env, 'PROGRESS_COMEBACKS_MAX', 1000, 1, 100_000),
    },
    dataExport: {
      perWindow: int(env, 'DATA_EXPORT_RATE_LIMIT', 5, 1, 1000),
      windowSeconds: int(env, 'DATA_EXPORT_RATE_WINDOW_SECONDS', 3600, 1, 7 * 86_400),
    },
    edits: {
      perWindow: int(env, 'EDIT_RATE_LIMIT', 20, 1, 100000),
      windowSeconds: int(env, 'EDIT_RATE_WINDOW_SECONDS', 600, 1, 86400),
    },
    timePrivacy: {
      withdrawnBodyRetentionDays: int(env, 'WITHDRAWN_BODY_RETENTION_DAYS', 30, 0, 3650),
      eraseIntervalSeconds: int(env, 'ERASE_INTERVAL_SECONDS', 3600, 1, 86400),
      cursorSecret: cursorSecret(env),
    },
    accountAbuse: {
      trustProxy: flag(env, 'TRUST_PROXY', false),
      registrationsPerClient: int(env, 'REGISTRATIONS_PER_CLIENT', 5, 1, 1_000_000),
      registrationWindowSeconds: int(env, 'REGISTRATION_WINDOW_SECONDS', 3600, 1, 86400),
      throttleKey: str(env, 'THROTTLE_KEY'),
      powHmacKey: str(env, 'POW_HMAC_KEY'),
      powMaxNumber: int(env, 'POW_MAX_NUMBER', 100_000, 10, 100_000_000),
      powChallengeTtlSeconds: int(env, 'POW_CHALLENGE_TTL_SECONDS', 600, 10, 86400),
      purgeIntervalSeconds: int(env, 'ACCOUNT_PURGE_INTERVAL_SECONDS', 3600, 1, 86400),
    },
    transport: transportConfig(env, int(env, 'BODY_MAX_CHARS', 20000, 1, 200000)),
    metrics: metricsConfig(env),
    responseCache: {
      ttlSeconds: int(env, 'RESPONSE_CACHE_TTL_SECONDS', 60, 0, 86_400),
      maxMb: int(env, 'RESPONSE_CACHE_MAX_MB', 64, 1, 16_384),
    },
  };
}

function publicUrl(env: Env): string | null {
  const raw = str(env, 'PUBLIC_URL');
  if (raw === null) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be the address members open, like https://kindred.example.org, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError('PUBLIC_URL must be http or https');
  let base = url.toString();
  while (base.endsWith('/')) base = base.slice(0, -1);
  return base;
}

function alertsConfig(env: Env): AlertsConfig {
  let channels: AlertsConfig['channels'];
  try {
    channels = parseAlertChannels(env);
  } catch (error) {
    if (error instanceof AlertsConfigError) throw new ConfigError(error.message);
    throw error;
  }
  const high = str(env, 'ALERT_HIGH_AFTER_SECONDS');
  return {
    channels,
    urgentAfterSeconds: int(env, 'ALERT_URGENT_AFTER_SECONDS', 120, 0, 86_400),
    highAfterSeconds: high === null || high.toLowerCase() === 'off' ? null : int(env, 'ALERT_HIGH_AFTER_SECONDS', 0, 0, 7 * 86_400),
    repeatSeconds: int(env, 'ALERT_REPEAT_SECONDS', 300, 1, 86_400),
    checkIntervalSeconds: int(env, 'ALERT_CHECK_INTERVAL_SECONDS', 15, 1, 3600),
    deliveryAttempts: int(env, 'ALERT_DELIVERY_ATTEMPTS', 8, 1, 100),
    retryBaseSeconds: int(env, 'ALERT_RETRY_BASE_SECONDS', 5, 1, 3600),
    deliveryTimeoutSeconds: int(env, 'ALERT_DELIVERY_TIMEOUT_SECONDS', 10, 1, 300),
  };
}

function metricsConfig(env: Env): MetricsConfig {
  const token = str(env, 'METRICS_TOKEN');
  if (token !== null && token.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters');
  const port = str(env, 'METRICS_PORT') === null ? null : int(env, 'METRICS_PORT', 0, 1, 65535);
  const names = (str(env, 'METRICS_OPERATION_NAMES') ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of names) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name))
      throw new ConfigError(`METRICS_OPERATION_NAMES must list GraphQL operation names (letters, digits, _), got "${name}"`);
  }
  return { port, host: str(env, 'METRICS_HOST') ?? str(env, 'HOST') ?? '0.0.0.0', token, operationNames: names };
}

function origins(env: Env, name: string): string[] {
  const raw = str(env, name);
  if (raw === null) return [];
  return raw.split(',').map((entry) => {
    const trimmed = entry.trim();
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      throw new ConfigError(`${name} must be a comma-separated list of origins like https://example.org, got "${trimmed}"`);
    }
    if (parsed.origin === 'null' || parsed.origin !== trimmed.replace(/\/$/, ''))
      throw new ConfigError(`${name} must list bare origins (scheme://host[:port]), got "${trimmed}"`);
    return parsed.origin;
  });
}

function transportConfig(env: Env, bodyMaxChars: number): TransportConfig {
  const production = str(env, 'NODE_ENV') === 'production';
  const healthToken = str(env, 'HEALTH_TOKEN');
  if (healthToken !== null && healthToken.length < 16) throw new ConfigError('HEALTH_TOKEN must be at least 16 characters');
  return {
    queryAliasesMax: int(env, 'QUERY_ALIASES_MAX', 15, 1, 1000),
    queryDirectivesMax: int(env, 'QUERY_DIRECTIVES_MAX', 10, 1, 1000),
    queryTokensMax: int(env, 'QUERY_TOKENS_MAX', 2000, 100, 100_000),
    introspection: flag(env, 'GRAPHQL_INTROSPECTION', !production),
    suggestions: flag(env, 'GRAPHQL_SUGGESTIONS', !production),
    // Room for the longest post a member may send over a socket: up to 3 UTF-8 bytes per character.
    wsMaxPayloadBytes: int(env, 'WS_MAX_PAYLOAD_BYTES', Math.max(64 * 1024, bodyMaxChars * 3 + 4096), 1024, 16 * 1024 * 1024),
    allowedOrigins: origins(env, 'ALLOWED_ORIGINS'),
    trustProxyTls: flag(env, 'TRUST_PROXY_TLS', false),
    healthToken,
  };
}
