import { Role } from '../../common/auth/role';
import type { Viewer } from '../../common/auth/viewer';
import type { ContentWarning } from '../post-status';
import type { ContentPreferencesRepository } from './content-preferences.repository';
import { ContentPreferencesService } from './content-preferences.service';
import type { WarningDisplay } from './warning-display';

function setUp() {
  const rows = new Map<ContentWarning, WarningDisplay>();
  const repository: Pick<ContentPreferencesRepository, 'of' | 'set' | 'clear'> = {
    of: async () => [...rows].map(([warning, display]) => ({ warning, display })),
    set: async (_, warning, display) => void rows.set(warning, display),
    clear: async (_, warning) => void rows.delete(warning),
  };
  const viewer: Viewer = { accountId: 'acct-a', sessionId: 's', role: Role.MEMBER, suspendedUntil: null };
  return { rows, viewer, service: new ContentPreferencesService(repository as ContentPreferencesRepository) };
}

describe('ContentPreferencesService', () => {
  it('shows everything until the member chooses otherwise', async () => {
    const { service } = setUp();
    const all = await service.of('acct-a');
    expect(all.map((p) => p.warning)).toEqual(['RELAPSE', 'SUBSTANCE_USE', 'SELF_HARM', 'OVERDOSE', 'LOSS', 'TRAUMA']);
    expect(all.every((p) => p.display === 'SHOW')).toBe(true);
  });

  it('keeps COLLAPSE and HIDE, and stores SHOW as no row', async () => {
    const { service, viewer, rows } = setUp();
    await service.set(viewer, 'SELF_HARM', 'HIDE');
    const after = await service.set(viewer, 'LOSS', 'COLLAPSE');
    expect(after.filter((p) => p.display !== 'SHOW')).toEqual([
      { warning: 'SELF_HARM', display: 'HIDE' },
      { warning: 'LOSS', display: 'COLLAPSE' },
    ]);
    await service.set(viewer, 'SELF_HARM', 'SHOW');
    expect([...rows.keys()]).toEqual(['LOSS']);
  });
});
