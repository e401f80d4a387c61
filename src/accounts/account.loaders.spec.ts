import { AccountEntity } from './account.entity';
import { AccountLoadersFactory } from './account.loaders';
import type { AccountsRepository } from './repositories/accounts.repository';

const A = '0a000000-0000-4000-8000-000000000001';
const B = '0b000000-0000-4000-8000-000000000002';

function setUp(existing: string[]) {
  const queries: Array<readonly string[]> = [];
  const repository = {
    findByIds: async (ids: readonly string[]) => {
      queries.push(ids);
      // Postgres compares uuids whatever their case, and answers them in lower case.
      const asked = new Set(ids.map((id) => id.toLowerCase()));
      return existing.filter((id) => asked.has(id)).map((id) => Object.assign(new AccountEntity(), { id }));
    },
  } as unknown as AccountsRepository;
  return { loaders: new AccountLoadersFactory(repository).create(null), queries };
}

describe('AccountLoadersFactory', () => {
  it('loads every account asked for in one request with one query, in the order asked', async () => {
    const { loaders, queries } = setUp([A, B]);
    const accounts = await Promise.all([loaders.accountById.load(B), loaders.accountById.load(A)]);
    expect(accounts.map((account) => account?.id)).toEqual([B, A]);
    expect(queries).toHaveLength(1);
  });

  it('answers null for an account that no longer exists and for an id that is not one, without querying the latter', async () => {
    const { loaders, queries } = setUp([A]);
    await expect(loaders.accountById.loadMany([A, B, 'not-an-id'])).resolves.toEqual([expect.objectContaining({ id: A }), null, null]);
    expect(queries).toEqual([[A, B]]);
  });

  it('finds an account whatever the case of its id', async () => {
    const { loaders } = setUp([A]);
    await expect(loaders.accountById.load(A.toUpperCase())).resolves.toMatchObject({ id: A });
  });
});
