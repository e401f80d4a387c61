import { DEFAULT_CRISIS_RESOURCES, parseCrisisResources, resourcesFor } from './crisis-resources';

describe('crisis resources', () => {
  it('defaults to docs/policy.md: 911, 988, Crisis Text Line, SAMHSA, Never Use Alone, naloxone steps', () => {
    const contacts = DEFAULT_CRISIS_RESOURCES.map((resource) => resource.contact).join(' | ');
    for (const expected of ['911', '988', '741741', '1-800-662-4357', '1-800-484-3731', 'naloxone']) {
      expect(contacts).toContain(expected);
    }
  });

  it('accepts an operator file and rejects a malformed one with the entry named', () => {
    const parsed = parseCrisisResources(
      JSON.stringify([{ name: 'Samaritans', contact: 'call 116 123', description: 'any time, UK and Ireland' }]),
      'uk.json',
    );
    expect(parsed).toEqual([
      {
        name: 'Samaritans',
        contact: 'call 116 123',
        description: 'any time, UK and Ireland',
        url: null,
        showFor: ['SELF_HARM', 'OVERDOSE_EMERGENCY'],
      },
    ]);
    expect(() =>
      parseCrisisResources(JSON.stringify([{ name: 'x', contact: 'y', description: 'z', showFor: ['SPAM'] }]), 'bad.json'),
    ).toThrow('showFor');
    expect(() => parseCrisisResources(JSON.stringify([{ name: 'x' }]), 'bad.json')).toThrow('bad.json: entry 1 needs a "contact" string');
    expect(() => parseCrisisResources('[]', 'empty.json')).toThrow('non-empty');
  });

  it('shows each crisis only its own resources, as docs/policy.md lists them', () => {
    const contacts = (categories: string[]) => resourcesFor(categories, DEFAULT_CRISIS_RESOURCES).map((resource) => resource.name);
    expect(contacts(['SELF_HARM'])).toEqual(['Emergency services', '988 Suicide & Crisis Lifeline', 'Crisis Text Line']);
    expect(contacts(['OVERDOSE_EMERGENCY'])).toEqual(['Emergency services', 'Never Use Alone', 'Naloxone steps']);
    expect(contacts(['SELF_HARM', 'OVERDOSE_EMERGENCY'])).toHaveLength(5);
    expect(contacts(['DRUG_SOURCING'])).toEqual([]);
  });
});
