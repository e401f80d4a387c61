/**
 * The operation names the bundled web client sends (web/src: its documents). Only these, and
 * the names an operator adds (METRICS_OPERATION_NAMES), become metric labels: a name is text a
 * client chooses, and a closed list is the only way to be sure none carries a pseudonym.
 * test/web-operations-in-step.spec.ts keeps this list equal to the client's documents.
 */
export const WEB_CLIENT_OPERATION_NAMES: readonly string[] = [
  'Case',
  'CaseChanged',
  'ChangePassphrase',
  'Claim',
  'DeleteAccount',
  'EditPost',
  'Feed',
  'Lock',
  'MarkRead',
  'Me',
  'MyData',
  'MyPosts',
  'Notifications',
  'Queue',
  'React',
  'Recover',
  'Register',
  'Release',
  'Reply',
  'Report',
  'Resolve',
  'Sanction',
  'ScreenDraft',
  'Search',
  'SignIn',
  'Space',
  'Spaces',
  'StartThread',
  'Suggestions',
  'Thread',
  'ThreadReplies',
  'Unreact',
  'UpdateProfile',
  'Withdraw',
];
