import { registerEnumType } from '@nestjs/graphql';
import { enumOf } from '../../common/vocabulary/enum-of';
import { OUTCOMES, type Outcome } from '../engine/vocabulary';
import { REASON_CATEGORIES, type ReasonCategory } from '../reason-category';

export const ScreeningOutcomeEnum = enumOf(OUTCOMES);
export type ScreeningOutcomeEnum = Outcome;

/** The engine's categories plus OTHER, which only member reports use. */
export const ScreeningCategoryEnum = enumOf(REASON_CATEGORIES);
export type ScreeningCategoryEnum = ReasonCategory;

registerEnumType(ScreeningOutcomeEnum, { name: 'ScreeningOutcome' });
registerEnumType(ScreeningCategoryEnum, { name: 'ScreeningCategory' });
