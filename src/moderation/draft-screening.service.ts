import { Inject, Injectable } from '@nestjs/common';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { CrisisResourcesService } from '../screening/crisis-resources.service';
import { planDecision } from '../screening/decision-application';
import { screenText, ScreeningRules } from '../screening/engine';
import { toScreeningFeedback } from '../screening/graphql/screening-feedback.type';
import { SCREENING_RULES } from '../screening/screening-rules.provider';
import { moderationErrors } from './moderation.errors';
import type { DraftScreeningType } from './moderation.types';

/**
 * "How would this read?" before posting: the same engine and the same author-facing words
 * as a real post, with nothing stored, no case and no notification.
 */
@Injectable()
export class DraftScreeningService {
  constructor(
    @Inject(SCREENING_RULES) private readonly rules: ScreeningRules,
    private readonly crisisResources: CrisisResourcesService,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  screen(rawBody: string): DraftScreeningType {
    // Offsets index the text exactly as sent (the draft in the member's editor), so no trimming.
    const body = typeof rawBody === 'string' ? rawBody : '';
    if (body.trim() === '') throw moderationErrors.invalid('Please write something to check.', 'body');
    const max = this.config.limits.bodyMax;
    if ([...body].length > max) throw moderationErrors.invalid(`Posts can be at most ${max} characters.`, 'body');
    const plan = planDecision({ body, title: null, revision: 0, bodyDecision: screenText(body, {}, this.rules), titleDecision: null, screenedAt: new Date(), audience: 'draft' });
    const { outcome, categories, reasons, suggestions, crisisResources } = toScreeningFeedback(plan.record, this.crisisResources.list());
    return { outcome, categories, reasons, suggestions, crisisResources };
  }
}
