import { Inject, Injectable, Logger } from '@nestjs/common';
import type { KindredConfig } from '../../config/config';
import { KINDRED_CONFIG } from '../../config/config.module';
import { modelPath } from '../model/load-model';
import { ScreeningModelFile, ScreeningModelSummary } from './screening-model-summary';

/**
 * The summary of the model screening uses (SCREENING_MODEL: the bundled weights file or
 * another), read when asked, so a model retrained while the server runs shows at once; the
 * screening threads take it at their next start. Off, no file, or one that is not a model file
 * is no model (the latter also logged for the operator).
 */
@Injectable()
export class ScreeningModelService {
  private readonly logger = new Logger(ScreeningModelService.name);
  private readonly file: ScreeningModelFile | null;

  constructor(@Inject(KINDRED_CONFIG) config: KindredConfig) {
    const file = modelPath(config.screening.model);
    this.file = file === null ? null : new ScreeningModelFile(file);
  }

  async current(): Promise<ScreeningModelSummary | null> {
    if (this.file === null) return null;
    try {
      return await this.file.summary();
    } catch (error) {
      this.logger.warn(`cannot read the screening model file ${this.file.path}: ${(error as Error).message}`);
      return null;
    }
  }
}
