import { reactionCounts } from './reaction-counts';
import { ReactionKind } from './reaction-kind';

describe('reactionCounts', () => {
  it('always lists all three kinds in the contract order', () => {
    expect(reactionCounts([{ kind: ReactionKind.RELATE, count: 2, viewerReacted: true }])).toEqual([
      { kind: 'SUPPORT', count: 0, viewerReacted: false },
      { kind: 'RELATE', count: 2, viewerReacted: true },
      { kind: 'GRATEFUL', count: 0, viewerReacted: false },
    ]);
    expect(reactionCounts([]).map((row) => row.count)).toEqual([0, 0, 0]);
  });
});
