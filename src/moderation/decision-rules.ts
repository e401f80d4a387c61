import { PostKind, PostStatus } from '../forum/post-status';
import { NotificationKind } from '../notifications/notification-kind';
import { Decision } from './case-vocabulary';

/**
 * Pure: what a moderator's decision does to a post, and what its author is told. The
 * decisions service applies the plan in one transaction (post state through
 * PostStateService, the case, the audit row and the notification).
 */
export interface DecisionPost {
  /** A CHECK_IN post (a daily check-in's private words) is never published: see planDecision. */
  kind?: PostKind;
  status: PostStatus;
  hiddenByReports: boolean;
  publishedAt: Date | null;
}

export interface DecisionPlan {
  /** The post's new status; null leaves the status as it is (no transition, the service audits). */
  to: PostStatus | null;
  /** Every decision closes the reports on the case, so a report-hidden post is shown again unless it is taken down. */
  clearHidden: boolean;
  notification: NotificationKind | null;
  message: string | null;
  /** Published for the first time: a reply's thread author and parent author hear of it. */
  firstPublication: boolean;
}

export type DecisionProblem = { reason: 'NOT_APPLICABLE' | 'BEING_EDITED'; message: string };

const BASE_MESSAGE: Record<Decision, string> = {
  [Decision.APPROVE]: 'A moderator approved your post. It is live.',
  [Decision.REJECT]: 'A moderator decided not to publish your post.',
  [Decision.REQUEST_CHANGES]: 'A moderator asked you to change your post before it can be published. Edit it and it will be checked again.',
  [Decision.REMOVE]: 'A moderator took your post down.',
};

const RESTORED_MESSAGE = 'A moderator reviewed the reports on your post and it is visible again.';

const KIND: Record<Decision, NotificationKind> = {
  [Decision.APPROVE]: NotificationKind.POST_PUBLISHED,
  [Decision.REJECT]: NotificationKind.POST_REJECTED,
  [Decision.REQUEST_CHANGES]: NotificationKind.CHANGES_REQUESTED,
  [Decision.REMOVE]: NotificationKind.POST_REMOVED,
};

/** The author's message: the plain base sentence plus the moderator's note, if any. */
export function authorMessage(base: string, noteToAuthor: string | null | undefined): string {
  const note = noteToAuthor?.trim();
  return note ? `${base} Note from the moderator: ${note}` : base;
}

/** Which decisions make sense for a post in this status (for error messages and the UI). */
export const ALLOWED_DECISIONS: Record<PostStatus, readonly Decision[]> = {
  [PostStatus.PENDING]: [],
  [PostStatus.HELD]: [Decision.APPROVE, Decision.REJECT, Decision.REQUEST_CHANGES, Decision.REMOVE],
  [PostStatus.NEEDS_CHANGES]: [Decision.REMOVE],
  [PostStatus.PUBLISHED]: [Decision.APPROVE, Decision.REMOVE],
  [PostStatus.REJECTED]: [Decision.REJECT],
  [PostStatus.REMOVED]: [Decision.REMOVE],
};

const CHECK_IN_MESSAGE = 'A moderator read your daily check-in. It stays private: only you and the moderators can see it.';

/**
 * A check-in's case: the decision moves its private post through the same states, but the
 * member is never told it "is live" (it is not, whatever the state: post-visibility.ts), nor
 * does anyone hear of a publication. The moderator's note reaches the member all the same.
 */
export function planDecision(decision: Decision, post: DecisionPost, noteToAuthor?: string | null): DecisionPlan | DecisionProblem {
  const plan = planForPost(decision, post, noteToAuthor);
  if (post.kind !== PostKind.CHECK_IN || isDecisionProblem(plan)) return plan;
  return {
    ...plan,
    firstPublication: false,
    notification: NotificationKind.CHECK_IN_REVIEWED,
    message: authorMessage(CHECK_IN_MESSAGE, noteToAuthor),
  };
}

function planForPost(decision: Decision, post: DecisionPost, noteToAuthor?: string | null): DecisionPlan | DecisionProblem {
  if (post.status === PostStatus.PENDING) {
    return {
      reason: 'BEING_EDITED',
      message: 'The author just edited this post and it is being checked again. Please decide once screening has finished.',
    };
  }
  if (!ALLOWED_DECISIONS[post.status].includes(decision)) {
    const allowed = ALLOWED_DECISIONS[post.status];
    return {
      reason: 'NOT_APPLICABLE',
      message:
        `${decision} does not apply to a post that is ${post.status}. ${allowed.length ? `Possible here: ${allowed.join(', ')}.` : ''}`.trim(),
    };
  }
  const notify = (kind: NotificationKind, base: string) => ({ notification: kind, message: authorMessage(base, noteToAuthor) });

  switch (decision) {
    case Decision.APPROVE:
      if (post.status === PostStatus.PUBLISHED) {
        // Reported but fine: unhide. The author is told only if the post had been hidden.
        return {
          to: PostStatus.PUBLISHED,
          clearHidden: true,
          ...(post.hiddenByReports ? notify(KIND[decision], RESTORED_MESSAGE) : { notification: null, message: null }),
          firstPublication: false,
        };
      }
      return {
        to: PostStatus.PUBLISHED,
        clearHidden: true,
        ...notify(KIND[decision], BASE_MESSAGE[decision]),
        firstPublication: post.publishedAt === null,
      };
    case Decision.REJECT:
      // A post already REJECTED (screening's certain spam, reported to the queue) is closed as it is.
      return {
        to: post.status === PostStatus.REJECTED ? null : PostStatus.REJECTED,
        clearHidden: true,
        ...(post.status === PostStatus.REJECTED ? { notification: null, message: null } : notify(KIND[decision], BASE_MESSAGE[decision])),
        firstPublication: false,
      };
    case Decision.REQUEST_CHANGES:
      return {
        to: PostStatus.NEEDS_CHANGES,
        clearHidden: true,
        ...notify(KIND[decision], BASE_MESSAGE[decision]),
        firstPublication: false,
      };
    case Decision.REMOVE:
      // A post its author already withdrew only closes the case.
      return {
        to: post.status === PostStatus.REMOVED ? null : PostStatus.REMOVED,
        clearHidden: true,
        ...(post.status === PostStatus.REMOVED ? { notification: null, message: null } : notify(KIND[decision], BASE_MESSAGE[decision])),
        firstPublication: false,
      };
  }
}

export function isDecisionProblem(plan: DecisionPlan | DecisionProblem): plan is DecisionProblem {
  return 'reason' in plan;
}
