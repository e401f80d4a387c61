import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InstallationSecretsService } from '../accounts/installation-secrets.service';
import { useCursorSecret } from '../common/pagination/cursor';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';

/**
 * Page cursors are sealed with CURSOR_SECRET, or, when the operator set none, with a
 * per-installation secret from the database: every API instance then accepts the others'
 * cursors, and a restart does not break a reader's next page.
 */
@Injectable()
export class CursorKeyInitializer implements OnApplicationBootstrap {
  constructor(
    private readonly secrets: InstallationSecretsService,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    useCursorSecret(this.config.timePrivacy.cursorSecret ?? (await this.secrets.get('cursor')));
  }
}
