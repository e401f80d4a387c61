import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { OfflineTransactions, RecordedAudit, viewer } from '../../test/support/moderation-fakes';
import { Role } from '../common/auth/role';
import { loadConfig } from '../config/config';
import { DOSING_HOLD_POINTER, heldMessage, topicsForHold } from './dosing-pointer';
import { cleanUrl } from './resource-rules';
import type { ResourceDraft } from './resource-rules';
import { ResourceEntity } from './resource.entity';
import type { ResourceLocale, ResourceTopic } from './resource-vocabulary';
import { ResourcesRepository } from './repositories/resources.repository';
import { ResourcesService } from './resources.service';

/** The resource table in memory. */
class InMemoryResources extends ResourcesRepository {
  readonly rows: ResourceEntity[] = [];

  constructor() {
    super(new OfflineTransactions());
  }

  seed(topic: ResourceTopic, locale: ResourceLocale, title: string, retired = false): ResourceEntity {
    const entity = Object.assign(new ResourceEntity(), {
      id: randomUUID(),
      topic,
      locale,
      title,
      body: `${title} body`,
      url: null,
      contact: null,
      position: (this.rows.filter((row) => row.topic === topic && row.locale === locale).length + 1) * 10,
      retiredAt: retired ? new Date() : null,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    this.rows.push(entity);
    return entity;
  }

  override async active(locale: ResourceLocale, topics: readonly ResourceTopic[] | null): Promise<ResourceEntity[]> {
    return this.rows
      .filter((row) => row.locale === locale && row.retiredAt === null && (!topics || topics.includes(row.topic as ResourceTopic)))
      .sort((a, b) => a.position - b.position);
  }

  override async all(): Promise<ResourceEntity[]> {
    return [...this.rows];
  }

  override async lock(_manager: EntityManager, id: string): Promise<ResourceEntity | null> {
    return this.rows.find((row) => row.id === id) ?? null;
  }

  override async lockMany(_manager: EntityManager, ids: readonly string[]): Promise<ResourceEntity[]> {
    return this.rows.filter((row) => ids.includes(row.id));
  }

  override async insertPosition(_manager: EntityManager, locale: string, topic: string): Promise<number> {
    return Math.max(0, ...this.rows.filter((row) => row.locale === locale && row.topic === topic).map((row) => row.position)) + 10;
  }

  override async insert(manager: EntityManager, draft: ResourceDraft): Promise<ResourceEntity> {
    const position = await this.insertPosition(manager, draft.locale, draft.topic);
    return Object.assign(this.seed(draft.topic, draft.locale, draft.title), draft, { position });
  }

  override async save(_manager: EntityManager, entity: ResourceEntity): Promise<ResourceEntity> {
    return entity;
  }
}

function setUp() {
  const repository = new InMemoryResources();
  const audit = new RecordedAudit();
  const service = new ResourcesService(new OfflineTransactions(), repository, audit, loadConfig({}));
  return { repository, audit, service, admin: viewer(Role.ADMIN) };
}

const INPUT = { topic: 'NALOXONE', locale: 'ES', title: '  Naloxona  ', body: 'Dónde conseguirla.', url: 'https://example.org/naloxona' };

describe('ResourcesService', () => {
  it('lists a language’s entries, with English for a topic that has no translation yet, and never a retired one', async () => {
    const { repository, service } = setUp();
    repository.seed('CRISIS', 'EN', 'Crisis EN');
    repository.seed('CRISIS', 'ES', 'Crisis ES');
    repository.seed('NALOXONE', 'EN', 'Naloxone EN');
    repository.seed('NALOXONE', 'ES', 'Old naloxone ES', true);

    repository.seed('CRISIS', 'ES', 'Crisis ES 2');
    expect((await service.list('ES', null)).map((entry) => entry.title)).toEqual(['Crisis ES', 'Crisis ES 2', 'Naloxone EN']);
    expect((await service.list('EN', ['CRISIS'])).map((entry) => entry.title)).toEqual(['Crisis EN']);
  });

  it('lets only admins change the library', async () => {
    const { service } = setUp();
    for (const role of [Role.MEMBER, Role.MODERATOR]) {
      await expect(service.create(viewer(role), INPUT)).rejects.toMatchObject({ reason: 'ADMIN_ONLY' });
    }
  });

  it('adds an entry trimmed, at the end of its topic, and writes the audit row', async () => {
    const { repository, service, audit, admin } = setUp();
    repository.seed('NALOXONE', 'ES', 'Primera');
    const created = await service.create(admin, INPUT);
    expect(created).toMatchObject({ title: 'Naloxona', url: 'https://example.org/naloxona', position: 20 });
    expect(audit.entries).toEqual([expect.objectContaining({ action: 'RESOURCE_CREATED', moderatorId: admin.accountId })]);
  });

  it('refuses links that are not http(s), and empty titles, naming the field', async () => {
    const { service, admin } = setUp();
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', '/relative', 'ftp://example.org', 'https://user:pw@example.org']) {
      await expect(service.create(admin, { ...INPUT, url })).rejects.toMatchObject({ reason: 'INVALID_INPUT', details: { field: 'url' } });
    }
    await expect(service.create(admin, { ...INPUT, title: '   ' })).rejects.toMatchObject({ details: { field: 'title' } });
    await expect(service.create(admin, { ...INPUT, topic: 'WEATHER' })).rejects.toMatchObject({ details: { field: 'topic' } });
  });

  it('retires and restores an entry, auditing each change once', async () => {
    const { repository, service, audit, admin } = setUp();
    const entry = repository.seed('CRISIS', 'EN', 'Crisis');
    await service.setRetired(admin, entry.id, true);
    await service.setRetired(admin, entry.id, true);
    expect(await service.list('EN', null)).toEqual([]);
    await service.setRetired(admin, entry.id, false);
    expect(audit.actions()).toEqual(['RESOURCE_RETIRED', 'RESOURCE_RESTORED']);
    await expect(service.setRetired(admin, randomUUID(), true)).rejects.toMatchObject({ reason: 'RESOURCE_NOT_FOUND' });
  });

  it('reorders entries in the order given, and refuses repeats and unknown ids', async () => {
    const { repository, service, admin } = setUp();
    const [a, b, c] = ['A', 'B', 'C'].map((title) => repository.seed('CRISIS', 'EN', title));
    await service.reorder(admin, [c.id, a.id, b.id]);
    expect((await service.list('EN', null)).map((entry) => entry.title)).toEqual(['C', 'A', 'B']);
    await expect(service.reorder(admin, [a.id, a.id])).rejects.toMatchObject({ reason: 'INVALID_INPUT' });
    await expect(service.reorder(admin, [a.id, randomUUID()])).rejects.toMatchObject({ reason: 'RESOURCE_NOT_FOUND' });
  });
});

describe('resource rules', () => {
  it('keeps http and https links, normalized', () => {
    expect(cleanUrl(' https://FindTreatment.gov ', 500)).toEqual({ url: 'https://findtreatment.gov/' });
    expect(cleanUrl('', 500)).toEqual({ url: null });
  });
});

describe('dosing pointer', () => {
  it('points a dosing hold, and only a hold, to the medication resources and the prescriber questions', () => {
    expect(topicsForHold('HOLD', ['DOSING_INSTRUCTIONS'])).toEqual(['MEDICATION', 'PRESCRIBER_QUESTIONS']);
    expect(topicsForHold('HOLD', ['SELF_HARM'])).toEqual([]);
    expect(topicsForHold('PUBLISH', ['DOSING_INSTRUCTIONS'])).toEqual([]);
  });

  it('adds the pointer to the held notification only for a dosing hold', () => {
    expect(heldMessage('Held.', ['DOSING_INSTRUCTIONS', 'STIGMA'])).toBe(`Held. ${DOSING_HOLD_POINTER}`);
    expect(heldMessage('Held.', ['HARASSMENT'])).toBe('Held.');
  });
});
