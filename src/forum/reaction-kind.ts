import { enumOf } from '../common/vocabulary/enum-of';

export const REACTION_KINDS = ['SUPPORT', 'RELATE', 'GRATEFUL'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
export const ReactionKind = enumOf(REACTION_KINDS);
