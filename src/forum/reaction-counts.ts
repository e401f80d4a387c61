import { ReactionKind } from './reaction-kind';

export interface ReactionCount {
  kind: ReactionKind;
  count: number;
  viewerReacted: boolean;
}

/** Every kind, always, in the contract's order: a post with no reactions lists three zeros. */
export function reactionCounts(rows: readonly ReactionCount[]): ReactionCount[] {
  return Object.values(ReactionKind).map((kind) => {
    const row = rows.find((candidate) => candidate.kind === kind);
    return { kind, count: row?.count ?? 0, viewerReacted: row?.viewerReacted ?? false };
  });
}
