import { Provider } from '@nestjs/common';
import type { KindredConfig } from '../../config/config';
import { KINDRED_CONFIG } from '../../config/config.module';
import { ScreeningPool } from './screening-pool';

/** Started with the app (threads warm, rules checked), closed on app close after the screening workers that use it. */
export const screeningPoolProvider: Provider = {
  provide: ScreeningPool,
  inject: [KINDRED_CONFIG],
  useFactory: async (config: KindredConfig): Promise<ScreeningPool> => {
    const pool = new ScreeningPool({ ...config.screeningPool, rulesDir: config.screening.rulesDir, model: config.screening.model });
    try {
      await pool.ready();
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  },
};
