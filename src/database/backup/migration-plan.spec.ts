import { planRestore } from './migration-plan';

describe('what a restore does about schema versions', () => {
  const code = ['Initial1', 'Seed2', 'Guards3'];

  it('loads a backup of the same schema into a new or already-migrated target', () => {
    expect(planRestore(code, code, [])).toEqual({ ok: true, later: [] });
    expect(planRestore(code, code, code)).toEqual({ ok: true, later: [] });
  });

  it("loads a backup from an older Kindred at its own schema, then this code's newer migrations", () => {
    expect(planRestore(['Initial1', 'Seed2'], code, [])).toEqual({ ok: true, later: ['Guards3'] });
    expect(planRestore(['Initial1', 'Seed2'], code, ['Initial1'])).toEqual({ ok: true, later: ['Guards3'] });
  });

  it('sends a backup from a newer Kindred to that version', () => {
    const plan = planRestore([...code, 'Pins4'], code, []);
    expect(plan).toEqual({
      ok: false,
      reason: expect.stringContaining("newer Kindred (its newest migration is Pins4, this code's is Guards3)"),
    });
  });

  it('refuses a schema these migrations never made', () => {
    expect(planRestore(['Initial1', 'Other2'], code, [])).toEqual({
      ok: false,
      reason: expect.stringContaining('the Kindred version that made it'),
    });
    expect(planRestore([], code, [])).toEqual({ ok: false, reason: expect.stringContaining('no migrations') });
  });

  it("refuses a target migrated past the backup's schema", () => {
    expect(planRestore(['Initial1'], code, ['Initial1', 'Seed2'])).toEqual({
      ok: false,
      reason: expect.stringContaining("already at migration Seed2, past the backup's Initial1"),
    });
  });
});
