import { Inject, Injectable, Logger } from '@nestjs/common';
import type { KindredConfig } from '../../config/config';
import { KINDRED_CONFIG } from '../../config/config.module';
import { ScreeningModelFile, ScreeningModelSummary } from './screening-model-summary';

/**
 * The trained model's summary from its weights file (SCREENING_MODEL_FILE), read when asked,
 * so a model trained while the server runs shows at once. No file, or one that is not a model
 * file, is no model (the latter also logged for the operator).
 */
@Injectable()
export class ScreeningModelService {
  private readonly logger = new Logger(ScreeningModelService.name);
  private readonly file: ScreeningModelFile;

  constructor(@Inject(KINDRED_CONFIG) config: KindredConfig) {
    this.file = new ScreeningModelFile(config.screening.modelFile);
  }

  async current(): Promise<ScreeningModelSummary | null> {
    try {
      return await this.file.summary();
    } catch (error) {
      this.logger.warn(`cannot read the screening model file ${this.file.path}: ${(error as Error).message}`);
      return null;
    }
  }
}
