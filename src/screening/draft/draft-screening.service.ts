import { Inject, Injectable } from '@nestjs/common';
import type { KindredConfig } from '../../config/config';
import { KINDRED_CONFIG } from '../../config/config.module';
import { CrisisResourcesService } from '../crisis-resources.service';
import { screeningVerdict } from '../screening-verdict';
import { toScreeningFeedback } from '../graphql/screening-feedback.type';
import { ScreeningPool } from '../pool/screening-pool';
import { DraftCheckLimitService } from './draft-check-limit.service';
import { screeningErrors } from '../screening.errors';
import type { DraftScreeningType } from './draft-screening.type';

/**
 * "How would this read?" before posting: the same engine and the same author-facing words
 * as a real post, with nothing stored, no case and no notification. The engine runs in the
 * screening pool's threads, never on the API's event loop, and each account has a budget
 * of checks, so drafts cannot be used to keep the API (or the pool) busy.
 */
@Injectable()
export class DraftScreeningService {
  constructor(
    private readonly pool: ScreeningPool,
    private readonly limit: DraftCheckLimitService,
    private readonly crisisResources: CrisisResourcesService,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  async screen(accountId: string, rawBody: string): Promise<DraftScreeningType> {
    // Offsets index the text exactly as sent (the draft in the member's editor), so no trimming.
    const body = typeof rawBody === 'string' ? rawBody : '';
    if (body.trim() === '') throw screeningErrors.invalid('Please write something to check.', 'body');
    const max = this.config.limits.bodyMax;
    if ([...body].length > max) throw screeningErrors.invalid(`Posts can be at most ${max} characters.`, 'body');
    await this.limit.take(accountId);
    const screening = this.pool.tryScreen({ body });
    if (!screening) throw screeningErrors.screeningBusy();
    const { bodyDecision } = await screening;
    const { record } = screeningVerdict({
      body,
      title: null,
      revision: 0,
      bodyDecision,
      titleDecision: null,
      screenedAt: new Date(),
      audience: 'draft',
    });
    const { outcome, categories, reasons, suggestions, crisisResources } = toScreeningFeedback(record, this.crisisResources.list());
    return { outcome, categories, reasons, suggestions, crisisResources };
  }
}
