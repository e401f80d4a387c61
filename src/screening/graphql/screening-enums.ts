import { registerEnumType } from '@nestjs/graphql';

export enum ScreeningOutcomeEnum {
  PUBLISH = 'PUBLISH',
  PUBLISH_WITH_SUGGESTIONS = 'PUBLISH_WITH_SUGGESTIONS',
  HOLD = 'HOLD',
  REJECT = 'REJECT',
}

/** The engine's categories plus OTHER, which only member reports use. */
export enum ScreeningCategoryEnum {
  SELF_HARM = 'SELF_HARM',
  OVERDOSE_EMERGENCY = 'OVERDOSE_EMERGENCY',
  DRUG_SOURCING = 'DRUG_SOURCING',
  DOSING_INSTRUCTIONS = 'DOSING_INSTRUCTIONS',
  PERSONAL_INFO = 'PERSONAL_INFO',
  HARASSMENT = 'HARASSMENT',
  STIGMA = 'STIGMA',
  SPAM = 'SPAM',
  OTHER = 'OTHER',
}

registerEnumType(ScreeningOutcomeEnum, { name: 'ScreeningOutcome' });
registerEnumType(ScreeningCategoryEnum, { name: 'ScreeningCategory' });
