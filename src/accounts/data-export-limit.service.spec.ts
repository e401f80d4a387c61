import type { DataSource, EntityManager } from 'typeorm';
import { ErrorCode } from '../common/errors/error-code';
import { loadConfig } from '../config/config';
import { DataExportLimitService } from './data-export-limit.service';
import type { DataExportEventsRepository } from './repositories/data-export-events.repository';

function setUp(wait: number | null) {
  const calls: Array<{ accountId: string; limit: number; windowSeconds: number; inTransaction: boolean }> = [];
  const manager = { name: 'transaction' } as unknown as EntityManager;
  const dataSource = { transaction: async <T>(work: (m: EntityManager) => Promise<T>) => work(manager) } as unknown as DataSource;
  const events: Pick<DataExportEventsRepository, 'take'> = {
    take: async (used, accountId, limit, windowSeconds) => {
      calls.push({ accountId, limit, windowSeconds, inTransaction: used === manager });
      return wait;
    },
  };
  const config = loadConfig({ DATA_EXPORT_RATE_LIMIT: '2', DATA_EXPORT_RATE_WINDOW_SECONDS: '600' });
  return { calls, limits: new DataExportLimitService(dataSource, events as DataExportEventsRepository, config) };
}

describe('DataExportLimitService', () => {
  it('notes the export against the configured window, in a transaction', async () => {
    const { limits, calls } = setUp(null);
    await expect(limits.take('acct-a')).resolves.toBeUndefined();
    expect(calls).toEqual([{ accountId: 'acct-a', limit: 2, windowSeconds: 600, inTransaction: true }]);
  });

  it('refuses with RATE_LIMITED and the wait once the window is full', async () => {
    const { limits } = setUp(120);
    await expect(limits.take('acct-a')).rejects.toMatchObject({ code: ErrorCode.RATE_LIMITED, details: { retryAfterSeconds: 120 } });
  });

  it('defaults to 5 exports an hour', () => {
    expect(loadConfig({}).dataExport).toEqual({ perWindow: 5, windowSeconds: 3600 });
  });
});
