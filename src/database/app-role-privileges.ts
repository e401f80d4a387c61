/**
 * What the app's database role may do, table by table: what the code actually does, and no
 * more. The role owns nothing, so it can neither alter a table nor disable a trigger, and it
 * is no superuser, so it cannot set session_replication_role to skip triggers either.
 */
export type TablePrivilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

const READ_WRITE: TablePrivilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];

/**
 * Tables of the app's schema. Rows are removed through foreign-key cascades (which run as
 * the table's owner) where no DELETE is listed. A table missing here gets READ_WRITE (see
 * privilegesFor), so a new table works at once; narrow it here when it deserves less.
 */
export const APP_TABLE_PRIVILEGES: Readonly<Record<string, readonly TablePrivilege[]>> = {
  account: READ_WRITE,
  session: ['SELECT', 'INSERT', 'UPDATE'],
  recovery_code: READ_WRITE,
  sign_in_throttle: READ_WRITE,
  client_rate_counter: READ_WRITE,
  proof_of_work_spent: READ_WRITE,
  // Made once per installation and then only read: never rewritten or removed by the app.
  installation_secret: ['SELECT', 'INSERT'],
  // Spaces are seeded by migrations; the app only reads them.
  space: ['SELECT'],
  post: READ_WRITE,
  // Kept by triggers that run as the owner (FlatSearchAndThreadCounts); the app only reads the counts.
  space_thread_count: ['SELECT'],
  thread: ['SELECT', 'INSERT', 'UPDATE'],
  reaction: ['SELECT', 'INSERT', 'DELETE'],
  notification: ['SELECT', 'INSERT', 'UPDATE'],
  moderation_case: ['SELECT', 'INSERT', 'UPDATE'],
  // UPDATE: the withdrawn-post eraser clears the excerpts that quote an erased body.
  case_reason: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
  // UPDATE: the answer a reporter was told is written on the report when its case closes.
  report: ['SELECT', 'INSERT', 'UPDATE'],
  // The resource library: admins add, edit and retire entries (retired rows stay).
  resource: ['SELECT', 'INSERT', 'UPDATE'],
  // screenDraft's budget: an account's old checks are cleared as it checks again.
  draft_check: READ_WRITE,
  // The edit budget, likewise one window deep.
  edit_rate_event: READ_WRITE,
  // The data-export budget, likewise.
  data_export_event: READ_WRITE,
  // Recorded (and replaced) with a decision; deleted when the eraser erases a withdrawn post's words.
  decision_example: READ_WRITE,
  // On-call alerts: a case's alert schedule (gone with its case, by cascade) and each channel's delivery record.
  case_alert: ['SELECT', 'INSERT', 'UPDATE'],
  alert_channel_status: ['SELECT', 'INSERT', 'UPDATE'],
  // The audit trail is append-only: a row once written is never changed by the app.
  moderation_action: ['SELECT', 'INSERT'],
  // A member's follows, bookmarks, mutes and blocks: added and lifted, never edited.
  member_block: ['SELECT', 'INSERT', 'DELETE'],
  thread_follow: ['SELECT', 'INSERT', 'DELETE'],
  post_bookmark: ['SELECT', 'INSERT', 'DELETE'],
  thread_mute: ['SELECT', 'INSERT', 'DELETE'],
  space_mute: ['SELECT', 'INSERT', 'DELETE'],
  // Check-ins: a member's own rows (deleted with the account, by cascade); a day's thread is written once and then only read.
  check_in: ['SELECT', 'INSERT', 'UPDATE'],
  check_in_day: ['SELECT', 'INSERT'],
  // A member's came-back days and content preferences: written, corrected and cleared by their owner.
  recovery_comeback: READ_WRITE,
  content_preference: READ_WRITE,
  // TypeORM's ledger: read at start to see that no migration is pending.
  migrations: ['SELECT'],
};

export function privilegesFor(table: string): readonly TablePrivilege[] {
  return APP_TABLE_PRIVILEGES[table] ?? READ_WRITE;
}

/** BullMQ's queue tables (schema `bullmq`): its SQL functions insert, move and remove jobs. */
export const QUEUE_TABLE_PRIVILEGES: readonly TablePrivilege[] = READ_WRITE;
