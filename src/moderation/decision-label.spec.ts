import { PostStatus } from '../forum/post-status';
import { Decision } from './case-vocabulary';
import { labelOfDecision, LabelInput } from './decision-label';

const heldFor = (...categories: string[]): LabelInput['screening'] => categories.map((category) => ({ category, severity: 'HOLD' }));

function label(decision: Decision, postStatus: PostStatus, screening: LabelInput['screening'] = [], reports: string[] = []) {
  return labelOfDecision({ decision, postStatus, screening, reports });
}

describe('labelOfDecision', () => {
  it('APPROVE of a held post: screening was wrong, the post has none of the categories', () => {
    expect(label(Decision.APPROVE, PostStatus.HELD, heldFor('DRUG_SOURCING'))).toEqual({
      decision: 'APPROVE',
      kind: 'FALSE_HOLD',
      categories: [],
    });
  });

  it('REJECT or REMOVE of a held post: screening was right, the post has the categories it was held for', () => {
    const screening = heldFor('SPAM', 'DRUG_SOURCING', 'SPAM');
    expect(label(Decision.REJECT, PostStatus.HELD, screening)).toEqual({
      decision: 'REJECT',
      kind: 'CONFIRMED_HOLD',
      categories: ['DRUG_SOURCING', 'SPAM'],
    });
    expect(label(Decision.REMOVE, PostStatus.HELD, screening)).toEqual({
      decision: 'REMOVE',
      kind: 'CONFIRMED_HOLD',
      categories: ['DRUG_SOURCING', 'SPAM'],
    });
  });

  it('keeps the categories a post was held for, not the suggestions beside them', () => {
    const screening = [...heldFor('DRUG_SOURCING'), { category: 'STIGMA', severity: 'NUDGE' }, { category: 'SPAM', severity: 'REJECT' }];
    expect(label(Decision.REJECT, PostStatus.HELD, screening)?.categories).toEqual(['DRUG_SOURCING', 'SPAM']);
  });

  it('REMOVE of a post waiting for changes still labels its held words', () => {
    expect(label(Decision.REMOVE, PostStatus.NEEDS_CHANGES, heldFor('PERSONAL_INFO'))).toMatchObject({
      kind: 'CONFIRMED_HOLD',
      categories: ['PERSONAL_INFO'],
    });
  });

  it('REMOVE of a published post after reports: a miss, labeled with the reported policy categories', () => {
    expect(label(Decision.REMOVE, PostStatus.PUBLISHED, [], ['HARASSMENT', 'OTHER', 'SELF_HARM', 'HARASSMENT'])).toEqual({
      decision: 'REMOVE',
      kind: 'MISS',
      categories: ['SELF_HARM', 'HARASSMENT'],
    });
  });

  it('APPROVE of a reported published post: screening was right to publish it', () => {
    expect(label(Decision.APPROVE, PostStatus.PUBLISHED, [], ['STIGMA'])).toEqual({
      decision: 'APPROVE',
      kind: 'CONFIRMED_PUBLISH',
      categories: [],
    });
  });

  it('REQUEST_CHANGES is no label', () => {
    expect(label(Decision.REQUEST_CHANGES, PostStatus.HELD, heldFor('SPAM'))).toBeNull();
  });

  it('closing the case of a post already rejected or withdrawn is no label', () => {
    expect(label(Decision.REJECT, PostStatus.REJECTED, heldFor('SPAM'))).toBeNull();
    expect(label(Decision.REMOVE, PostStatus.REMOVED, [], ['SPAM'])).toBeNull();
  });

  it('a positive decision with no policy category to name is no label', () => {
    expect(label(Decision.REMOVE, PostStatus.PUBLISHED, [], ['OTHER'])).toBeNull();
    expect(label(Decision.REJECT, PostStatus.HELD, [{ category: 'STIGMA', severity: 'NUDGE' }])).toBeNull();
    expect(label(Decision.REJECT, PostStatus.HELD, [])).toBeNull();
  });
});
