/**
 * Shapes of self-description in data/person-first.json: each suggested shape beside a post that
 * shares its words but not the drug sense, or is someone else's words. All sentences are written
 * for this spec (none come from the corpora).
 */
import { screenText } from './index';

function suggested(text: string): string[] {
  return screenText(text).suggestions.map((s) => s.term.toLowerCase());
}

describe('clean: time and tests in more shapes', () => {
  it.each([
    ['Today me clean 200 days!', 'clean'],
    ['Two and a half years clean this week', 'clean'],
    ['Tres años y medio clean hoy', 'clean'],
    ['my first clean Christmas and I cooked for everyone', 'clean'],
    ['How long clean? Four years this spring.', 'clean'],
    ['Drug screen for my new job: clean!', 'clean'],
    ['First Christmas clean in three years and I cooked for everyone', 'clean'],
    ['my sister and I both have clean dates on the calendar now', 'clean'],
    ['clean of all that for two years now', 'clean'],
  ])('suggests for %s', (text, term) => {
    expect(suggested(text)).toContain(term);
  });
  it.each(['I cleaned the garage this weekend', 'my first clean shave in a month', 'the kitchen is clean for once'])(
    'leaves %s bare',
    (text) => {
      expect(suggested(text)).toEqual([]);
    },
  );
});

describe('dirty: test results in more shapes', () => {
  it.each([
    'My first urine test at the new clinic came back dirty and I panicked',
    'the screen was dirty for fentanyl from before I started',
    'I had one dirty one in March and never again',
    'el examen me salio cochino y la doctora no me corrio',
  ])('suggests for %s', (text) => {
    expect(suggested(text).length).toBeGreaterThan(0);
  });
  it.each(['the dishes came back dirty from the machine', 'my shoes were dirty from the rain'])('leaves %s bare', (text) => {
    expect(suggested(text)).toEqual([]);
  });
});

describe('habit: what it cost, how it started, Spanglish and Spanish', () => {
  it.each([
    'the habit cost me a marriage and a car',
    'by the end it was a 150 habit every day',
    'I had a habit with the Percocet for a year',
    'the pills had become a habit before I noticed',
    'The habit started with a legitimate prescription after surgery',
    'my little ketamine habit was actually a big one',
    'Writing my step four. "My habit cost me my job and my marriage."',
    'Mi psiquiatra me pidió escribir lo que me costó mi habit',
    'el vicio me quito cuatro años de mi vida',
    'hablo de mi vicio con las pastillas sin vergüenza',
  ])('suggests for %s', (text) => {
    expect(suggested(text).length).toBeGreaterThan(0);
  });
  it.each([
    'I have a habit of checking the locks twice',
    'journaling became a good habit this year',
    'tengo el vicio del celular, lo sé',
    'the habit tracker app says 40 days of walking',
    'my coffee drinking habit is out of control',
    'my sister introduced me as "my brother" instead of "my addict brother" like she used to',
  ])('leaves %s bare', (text) => {
    expect(suggested(text)).toEqual([]);
  });
});

describe('user: past self-descriptions', () => {
  it('suggests for "fui una user"', () => {
    expect(suggested('Yo también fui una user y me dolía esa palabra')).toContain('user');
  });
  it('suggests for "me as a user"', () => {
    expect(suggested('me as a user would never have made it to an appointment on time')).toContain('user');
  });
  it('leaves the forum sense bare', () => {
    expect(suggested('I was a reddit user for years before finding this place')).toEqual([]);
  });
});
