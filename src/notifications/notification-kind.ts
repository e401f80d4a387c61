import { enumOf } from '../common/vocabulary/enum-of';

export const NOTIFICATION_KINDS = [
  'POST_PUBLISHED',
  'POST_HELD',
  'POST_REJECTED',
  'CHANGES_REQUESTED',
  'POST_REMOVED',
  'NEW_REPLY',
  'MODERATOR_WARNING',
  'ACCOUNT_SUSPENDED',
  // A reply published in a thread the member follows (issue 10); the post is the reply.
  'FOLLOWED_THREAD_REPLY',
  'REPORT_ANSWERED',
  // A moderator decided on the case of a member's private daily check-in (it stays private whatever the decision).
  'CHECK_IN_REVIEWED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NotificationKind = enumOf(NOTIFICATION_KINDS);
