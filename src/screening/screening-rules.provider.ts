import { Provider } from '@nestjs/common';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { loadRules } from './engine/load-rules';

export const SCREENING_RULES = Symbol('SCREENING_RULES');

/** The engine's rules, compiled once at start: the bundled defaults plus the operator's files. */
export const screeningRulesProvider: Provider = {
  provide: SCREENING_RULES,
  inject: [KINDRED_CONFIG],
  useFactory: (config: KindredConfig) => loadRules(config.screening.rulesDir ?? undefined),
};
