/**
 * A small synthetic labeled corpus for the model's unit specs: a few voices, each writing
 * benign check-ins, crisis posts and sourcing posts from templates, with its own habits. Tiny
 * on purpose: fitting on it takes well under a second with few hash bits and no bundled rules.
 */
import { compileRules, ScreeningRules } from '../../src/screening/engine';
import { SCREENING_CATEGORIES, ScreeningCategory } from '../../src/screening/engine/vocabulary';
import { NORM_FLOOR, wordHash } from '../../src/screening/model/features';
import { CHAR_NGRAMS, ScreeningModel, WORD_NGRAMS } from '../../src/screening/model/model';
import { modelVersion } from '../../src/screening/model/weights-file';
import type { VoicedPost } from '../../src/screening/training/corpus';

const BENIGN = [
  'day {n} check in, coffee with my sponsor and a meeting tonight',
  'grateful for my home group and a quiet {day} at work',
  'the clinic moved my appointment to {day}, anyone else dealing with that',
  'walked the dog and called my mom, {n} days and counting',
  'made dinner for the kids and went to bed early, small wins',
];
/** Each with the cue family a labeler would note. */
const SELF_HARM: [string, string][] = [
  ['i wrote the letters and i will not need anything after {day}', 'SELF_HARM/preparation'],
  ['nobody would miss me, i have the pills saved and i am done', 'SELF_HARM/method'],
  ['this is goodbye, i gave away my things and tonight is the night', 'SELF_HARM/farewell'],
];
const SOURCING = ['anyone know a plug near {city} who has blues, dm me', 'looking for a connect in {city}, cash ready, who is around'];
const DAYS = ['monday', 'friday', 'sunday'];
const CITIES = ['dayton', 'tulsa', 'fresno'];

function fill(template: string, i: number): string {
  return template
    .replace('{n}', String(10 + i))
    .replace('{day}', DAYS[i % DAYS.length])
    .replace('{city}', CITIES[i % CITIES.length]);
}

/** `voices` voices, each with every template once (in a voice-specific variation). */
export function syntheticPosts(voices = 10): VoicedPost[] {
  const out: VoicedPost[] = [];
  for (let v = 0; v < voices; v++) {
    const voice = `s-v${String(v).padStart(2, '0')}`;
    const habit = ['honestly', 'ngl', 'so yeah', 'idk', 'anyway'][v % 5];
    const add = (text: string, held: boolean, categories: VoicedPost['categories'], cues?: string[]): void => {
      out.push({ id: `${voice}-${out.length}`, voice, text: `${text} ${habit}`, outcome: held ? 'HOLD' : 'PUBLISH', categories, cues });
    };
    BENIGN.forEach((t, i) => add(fill(t, i + v), false, []));
    SELF_HARM.forEach(([t, family], i) => add(fill(t, i + v), true, ['SELF_HARM'], [family]));
    SOURCING.forEach((t, i) => add(fill(t, i + v), true, ['DRUG_SOURCING']));
  }
  return out;
}

let rules: ScreeningRules | null = null;

/** The engine without the bundled lists (compiling those takes seconds): only the built-in detectors fire. */
export function bareRules(): ScreeningRules {
  return (rules ??= compileRules([]));
}

/**
 * A model made by hand: each listed word's unigram bucket pushes its column (a category, or one
 * of `families`, "SELF_HARM/method") by `push` logits (scaled by the post's 1/sqrt(features)),
 * everything else is zero. Bias -4: silent by default.
 */
export function handModel(
  words: Record<string, Partial<Record<string, number>>>,
  thresholds: Partial<Record<ScreeningCategory, number>> = {},
  hashBits = 12,
  families: string[] = [],
): ScreeningModel {
  const categories = [...SCREENING_CATEGORIES];
  const columns: string[] = [...categories, ...families];
  const k = columns.length;
  const weights = new Int8Array((1 << hashBits) * k);
  const scales = new Float64Array(k).fill(0.5);
  for (const [word, pushes] of Object.entries(words)) {
    const h = wordHash(word);
    const bucket = h & ((1 << hashBits) - 1);
    const sign = h >>> 31 ? -1 : 1;
    for (const [column, push] of Object.entries(pushes)) {
      const units = Math.round((push ?? 0) / 0.5);
      // An int8 would wrap silently.
      if (Math.abs(units) > 127) throw new Error(`handModel: a push of ${push} is more than an int8 weight holds (63.5)`);
      weights[bucket * k + columns.indexOf(column)] = sign * units;
    }
  }
  const draft = {
    features: { hashBits, wordNgrams: WORD_NGRAMS, charNgrams: CHAR_NGRAMS, normFloor: NORM_FLOOR, cues: { weight: 0, lists: [] } },
    categories,
    families,
    bias: new Float64Array(k).fill(-4),
    scales,
    weights,
    thresholds: Float64Array.from(categories, (c) => thresholds[c] ?? 0.5),
    minTokens: 1,
  };
  return { ...draft, version: modelVersion(draft), cueLists: new Set<string>() };
}
