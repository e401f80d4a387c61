import { Injectable } from '@nestjs/common';
import type { Viewer } from '../../common/auth/viewer';
import { CONTENT_WARNINGS, ContentWarning } from '../post-status';
import { ContentPreferencesRepository } from './content-preferences.repository';
import { WarningDisplay } from './warning-display';

export interface ContentPreference {
  warning: ContentWarning;
  display: WarningDisplay;
}

/**
 * A member's content preferences: per content warning, SHOW (the default, stored as no row),
 * COLLAPSE (the web client keeps such posts folded) or HIDE (the server leaves them out of the
 * member's lists: post-visibility.ts). Signed-out readers have none.
 */
@Injectable()
export class ContentPreferencesService {
  constructor(private readonly preferences: ContentPreferencesRepository) {}

  /** One entry for every content warning, in the vocabulary's order. */
  async of(accountId: string): Promise<ContentPreference[]> {
    const stored = new Map((await this.preferences.of(accountId)).map((row) => [row.warning, row.display]));
    return CONTENT_WARNINGS.map((warning) => ({ warning, display: stored.get(warning) ?? WarningDisplay.SHOW }));
  }

  async set(viewer: Viewer, warning: ContentWarning, display: WarningDisplay): Promise<ContentPreference[]> {
    if (display === WarningDisplay.SHOW) await this.preferences.clear(viewer.accountId, warning);
    else await this.preferences.set(viewer.accountId, warning, display);
    return this.of(viewer.accountId);
  }
}
