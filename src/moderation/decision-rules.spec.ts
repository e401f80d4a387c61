import { PostKind, PostStatus } from '../forum/post-status';
import { NotificationKind } from '../notifications/notification-kind';
import { authorMessage, isDecisionProblem, planDecision } from './decision-rules';
import { Decision } from './case-vocabulary';

const held = { status: PostStatus.HELD, hiddenByReports: false, publishedAt: null };
const published = { status: PostStatus.PUBLISHED, hiddenByReports: false, publishedAt: new Date() };
const hidden = { ...published, hiddenByReports: true };

describe('planDecision', () => {
  it('APPROVE publishes a held post and tells the author, with the note', () => {
    expect(planDecision(Decision.APPROVE, held, 'Thank you for sharing.')).toEqual({
      to: PostStatus.PUBLISHED,
      clearHidden: true,
      notification: NotificationKind.POST_PUBLISHED,
      message: 'A moderator approved your post. It is live. Note from the moderator: Thank you for sharing.',
      firstPublication: true,
    });
  });

  it('APPROVE unhides a reported post and keeps it published', () => {
    const plan = planDecision(Decision.APPROVE, hidden);
    expect(plan).toMatchObject({
      to: PostStatus.PUBLISHED,
      clearHidden: true,
      notification: NotificationKind.POST_PUBLISHED,
      firstPublication: false,
    });
    expect(planDecision(Decision.APPROVE, published)).toMatchObject({ to: PostStatus.PUBLISHED, notification: null });
  });

  it('REJECT and REQUEST_CHANGES apply to held posts', () => {
    expect(planDecision(Decision.REJECT, held, 'Please no sourcing.')).toMatchObject({
      to: PostStatus.REJECTED,
      notification: NotificationKind.POST_REJECTED,
      message: expect.stringContaining('Please no sourcing.'),
    });
    expect(planDecision(Decision.REQUEST_CHANGES, held)).toMatchObject({
      to: PostStatus.NEEDS_CHANGES,
      notification: NotificationKind.CHANGES_REQUESTED,
    });
  });

  it('REMOVE takes a published (or held) post down', () => {
    expect(planDecision(Decision.REMOVE, hidden)).toMatchObject({
      to: PostStatus.REMOVED,
      notification: NotificationKind.POST_REMOVED,
      clearHidden: true,
    });
    expect(planDecision(Decision.REMOVE, held)).toMatchObject({ to: PostStatus.REMOVED });
  });

  it('closes the case of a post the author already withdrew without touching it', () => {
    expect(planDecision(Decision.REMOVE, { ...held, status: PostStatus.REMOVED })).toMatchObject({ to: null, notification: null });
  });

  it('refuses decisions that do not fit the post', () => {
    for (const decision of [Decision.REJECT, Decision.REQUEST_CHANGES]) {
      const plan = planDecision(decision, published);
      expect(isDecisionProblem(plan) && plan.reason).toBe('NOT_APPLICABLE');
    }
    const approveWithdrawn = planDecision(Decision.APPROVE, { ...held, status: PostStatus.REMOVED });
    expect(isDecisionProblem(approveWithdrawn) && approveWithdrawn.message).toContain('Possible here: REMOVE');
  });

  it('waits while an edit is being screened', () => {
    const plan = planDecision(Decision.APPROVE, { ...held, status: PostStatus.PENDING });
    expect(isDecisionProblem(plan) && plan.reason).toBe('BEING_EDITED');
  });
});

describe('authorMessage', () => {
  it('ignores an empty note', () => {
    expect(authorMessage('Base.', '   ')).toBe('Base.');
    expect(authorMessage('Base.', null)).toBe('Base.');
  });

  it("tells a check-in's member that it stays private, whatever the decision, with the moderator's note", () => {
    const checkIn = { kind: PostKind.CHECK_IN, status: PostStatus.HELD, hiddenByReports: false, publishedAt: null };
    for (const decision of [Decision.APPROVE, Decision.REJECT, Decision.REQUEST_CHANGES, Decision.REMOVE]) {
      const plan = planDecision(decision, checkIn, 'We are here for you.');
      expect(plan).toMatchObject({ notification: NotificationKind.CHECK_IN_REVIEWED, firstPublication: false });
      expect((plan as { message: string }).message).toContain('stays private');
      expect((plan as { message: string }).message).toContain('We are here for you.');
    }
  });
});
