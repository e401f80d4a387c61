/**
 * `eval <file.jsonl>`: screen every labeled post of a file and print precision/recall per
 * category, false-hold rate, urgent recall, outcome accuracy and the mismatches.
 * Exit code 0 when the report was produced, 2 when the file cannot be read or parsed.
 */
import { readFile } from 'node:fs/promises';
import { screenText } from '../engine';
import type { Screener } from '../screener';
import { evaluate, formatEvaluation, parseLabeled } from './evaluate';

export async function runEvalCommand(path: string, output: NodeJS.WritableStream, screener?: Screener): Promise<number> {
  let posts;
  try {
    posts = parseLabeled(await readFile(path, 'utf8'));
  } catch (e) {
    output.write(`cannot evaluate ${path}: ${(e as Error).message}\n`);
    return 2;
  }
  const screen: Screener = screener ?? ((text) => screenText(text));
  const decisions = posts.map((p) => screen(p.text));
  output.write(formatEvaluation(evaluate(posts, decisions), path));
  return 0;
}
