/**
 * Every whole-database advisory lock the app takes, in one place: two tasks that shared a
 * number would silently skip or wait on each other. (Per-account limits key their locks by
 * name and account instead: see common/rate-limit.)
 */
export const ADVISORY_LOCK = {
  /** Migrations: one starter applies them, the others wait. */
  MIGRATIONS: 7_402_119,
  /** Granting the app's role after migrations. */
  APP_ROLE_GRANTS: 7_402_120,
  /** One screening sweep at a time across instances. */
  SCREENING_SWEEP: 7_402_122,
  /** One pass of the withdrawn-post eraser at a time. */
  WITHDRAWN_ERASER: 7_402_123,
  /** One purge of stale sign-in throttle, counter and spent-challenge rows at a time. */
  ACCOUNT_PURGE: 7_402_124,
  /** One on-call alert pass at a time, so a case is alerted once per repeat however many instances run. */
  ON_CALL_ALERTS: 7_402_125,
  /** Opening a day's check-in thread: the first key of a two-key lock, the day's number the second. */
  CHECK_IN_DAY: 7_402_126,
} as const;
