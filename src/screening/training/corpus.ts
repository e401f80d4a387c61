/**
 * The training corpus: corpus/posts/*.jsonl (one labeled post a line, each with the voice, the
 * imagined writer, it was written in) and corpus/split.json ({"evaluation": [voice, ...]}: voices
 * kept out of all training and tuning). The labeled fixtures test/fixtures/screening-*.jsonl
 * join training, one voice per file.
 *
 * Splits are by voice, never by post: a writer's habits (phrasing, typos, names) would
 * otherwise leak from training into the figures and flatter them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { OUTCOMES, SCREENING_CATEGORIES } from '../engine/vocabulary';
import type { LabeledPost } from '../cli/evaluate';

export interface VoicedPost extends LabeledPost {
  voice: string;
}

export interface Corpus {
  /** Posts the model may learn from or be tuned on (fitting and validation voices). */
  training: VoicedPost[];
  /** Voices of split.json: never trained or tuned on. */
  evaluation: VoicedPost[];
}

export interface CorpusSources {
  /** Folder holding posts/*.jsonl and split.json. */
  corpusDir: string;
  /** Extra labeled files without voices (the fixtures), each becoming one training voice. */
  fixtureFiles: readonly string[];
}

export class CorpusError extends Error {}

function parseLine(line: string, where: string, voice: string | null): VoicedPost {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(line) as Record<string, unknown>;
  } catch (e) {
    throw new CorpusError(`${where}: ${(e as Error).message}`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new CorpusError(`${where}: expected a JSON object`);
  const postVoice = voice ?? v.voice;
  if (typeof v.text !== 'string') throw new CorpusError(`${where}: missing "text"`);
  if (typeof postVoice !== 'string' || postVoice === '') throw new CorpusError(`${where}: missing "voice"`);
  if (!(OUTCOMES as readonly unknown[]).includes(v.outcome))
    throw new CorpusError(`${where}: "outcome" must be one of ${OUTCOMES.join(', ')}`);
  if (!Array.isArray(v.categories) || !v.categories.every((c) => (SCREENING_CATEGORIES as readonly unknown[]).includes(c))) {
    throw new CorpusError(`${where}: "categories" must list screening categories`);
  }
  return { ...(v as unknown as LabeledPost), id: typeof v.id === 'string' ? v.id : where, voice: postVoice };
}

export function parseJsonl(content: string, file: string, voice: string | null): VoicedPost[] {
  const out: VoicedPost[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() !== '') out.push(parseLine(line, `${file}:${i + 1}`, voice));
  });
  return out;
}

export function parseSplit(content: string, file: string): Set<string> {
  let v: unknown;
  try {
    v = JSON.parse(content);
  } catch (e) {
    throw new CorpusError(`${file}: ${(e as Error).message}`);
  }
  const evaluation = (v as { evaluation?: unknown } | null)?.evaluation;
  if (!Array.isArray(evaluation) || !evaluation.every((x) => typeof x === 'string')) {
    throw new CorpusError(`${file}: expected {"evaluation": ["<voice id>", ...]}`);
  }
  return new Set(evaluation);
}

/** The voice a fixture file's posts are given. */
export const fixtureVoice = (file: string): string => `fixture:${basename(file)}`;

/** Pure: posts and the evaluation voices -> the voice-disjoint corpus. */
export function splitCorpus(posts: readonly VoicedPost[], evaluationVoices: ReadonlySet<string>): Corpus {
  return {
    training: posts.filter((p) => !evaluationVoices.has(p.voice)),
    evaluation: posts.filter((p) => evaluationVoices.has(p.voice)),
  };
}

export function readCorpus(sources: CorpusSources): Corpus {
  const postsDir = join(sources.corpusDir, 'posts');
  let files: string[];
  try {
    files = readdirSync(postsDir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort();
  } catch (e) {
    throw new CorpusError(`cannot read the corpus ${postsDir}: ${(e as Error).message}`);
  }
  const splitFile = join(sources.corpusDir, 'split.json');
  let split: string;
  try {
    split = readFileSync(splitFile, 'utf8');
  } catch (e) {
    throw new CorpusError(`cannot read ${splitFile}: ${(e as Error).message}`);
  }
  const posts = files.flatMap((f) => parseJsonl(readFileSync(join(postsDir, f), 'utf8'), join('posts', f), null));
  for (const file of sources.fixtureFiles) posts.push(...parseJsonl(readFileSync(file, 'utf8'), basename(file), fixtureVoice(file)));
  const corpus = splitCorpus(posts, parseSplit(split, splitFile));
  if (corpus.training.length === 0) throw new CorpusError(`no training posts in ${postsDir}`);
  return corpus;
}

/** Fixture files to train on: test/fixtures/screening-*.jsonl, in name order. */
export function fixtureFiles(fixturesDir: string): string[] {
  return readdirSync(fixturesDir)
    .filter((f) => /^screening-.*\.jsonl$/.test(f))
    .sort()
    .map((f) => join(fixturesDir, f));
}

/**
 * Is a training voice one of the validation voices (about one in five)? By a hash of its id,
 * so the choice is fixed, needs no list, and a voice keeps its side as the corpus grows.
 * Fixture voices always train: the rules were tuned on them, so as validation they would hide
 * what the rules miss, which is exactly where the model acts.
 */
export function isValidationVoice(voice: string, share = 0.2): boolean {
  if (voice.startsWith('fixture:')) return false;
  const h = createHash('sha256').update(voice).digest();
  return h.readUInt32BE(0) / 2 ** 32 < share;
}
