import { DEFAULT_CRISIS_RESOURCES } from '../src/screening/crisis-resources';
import { HELP_LINES, NALOXONE_STEPS } from '../web/src/help/crisis-lines';
import { en } from '../web/src/i18n/en';
import { es } from '../web/src/i18n/es';

/**
 * Help now is bundled into the web client so it works offline; the API's default crisis
 * resources are the source. A line added, renamed or renumbered on one side must be on the other.
 */
const digits = (text: string) => text.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
// Whole numbers only: "1-800-662-HELP" spells the number out again; it is not a second number.
const phoneNumbers = (text: string) => (text.match(/\d[\d-]+\d(?![\d-])/g) ?? []).map(digits);

describe('Help now in the web client, beside the API default crisis resources', () => {
  const isNaloxone = (resource: { name: string }) => /naloxone/i.test(resource.name);
  const lines = DEFAULT_CRISIS_RESOURCES.filter((resource) => !isNaloxone(resource));

  it.each(lines.map((resource) => [resource.name, resource] as const))('offers %s, with every number one tap away', (name, resource) => {
    const line = HELP_LINES.find((candidate) => en[candidate.name] === name);
    expect(line).toBeDefined();
    const hrefs = line!.actions.map((action) => digits(action.href.split('?')[0]));
    for (const number of phoneNumbers(resource.contact)) expect(hrefs).toContain(number);
  });

  it('has no line the API does not know', () => {
    const names = lines.map((resource) => resource.name);
    expect(HELP_LINES.map((line) => en[line.name]).filter((name) => !names.includes(name))).toEqual([]);
  });

  it('walks through every naloxone step the API lists, in both languages', () => {
    const naloxone = DEFAULT_CRISIS_RESOURCES.find(isNaloxone)!;
    expect(NALOXONE_STEPS).toHaveLength(naloxone.contact.split(',').length);
    for (const step of NALOXONE_STEPS) expect(es[step]).not.toBe(en[step]);
  });
});
