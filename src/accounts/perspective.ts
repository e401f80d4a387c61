import { enumOf } from '../common/vocabulary/enum-of';

/** How a member relates to recovery; shown beside the pseudonym. */
export const PERSPECTIVES = ['IN_RECOVERY', 'FAMILY_OR_FRIEND', 'SUPPORTER', 'UNSPECIFIED'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];
export const Perspective = enumOf(PERSPECTIVES);
