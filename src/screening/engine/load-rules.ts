/**
 * Operator rule files: every *.json in SCREENING_RULES_DIR (passed in by the app), in name
 * order, merged after the bundled defaults. Files hold word lists and phrases only, never
 * regular expressions, so an operator cannot make screening slow or unsafe. Not pure (reads
 * files): the engine itself never calls this.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULES_DATA } from './default-data';
import { defaultRules } from './index';
import { compileRules, RulesData, RulesError, ScreeningRules } from './rules';

const TOP_LEVEL = new Set([
  'description',
  'lexicons',
  'patterns',
  'expansions',
  'personFirst',
  'hotlines',
  'tollFreePrefixes',
  'safeDomains',
]);

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function isListRecord(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isStringList);
}

/** Shape check with messages an operator can act on. */
export function validateRulesData(value: unknown, file: string): RulesData {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RulesError(`${file}: expected a JSON object`);
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) if (!TOP_LEVEL.has(key)) throw new RulesError(`${file}: unknown key "${key}"`);
  for (const key of ['lexicons', 'patterns'] as const) {
    if (v[key] !== undefined && !isListRecord(v[key])) throw new RulesError(`${file}: "${key}" must map names to lists of strings`);
  }
  if (
    v.expansions !== undefined &&
    (typeof v.expansions !== 'object' || v.expansions === null || !Object.values(v.expansions).every((x) => typeof x === 'string'))
  ) {
    throw new RulesError(`${file}: "expansions" must map words to strings`);
  }
  for (const key of ['hotlines', 'tollFreePrefixes', 'safeDomains'] as const) {
    if (v[key] !== undefined && !isStringList(v[key])) throw new RulesError(`${file}: "${key}" must be a list of strings`);
  }
  if (v.personFirst !== undefined) {
    if (!Array.isArray(v.personFirst)) throw new RulesError(`${file}: "personFirst" must be a list`);
    for (const pf of v.personFirst as unknown[]) {
      const p = pf as Record<string, unknown>;
      if (typeof p !== 'object' || p === null || typeof p.kind !== 'string')
        throw new RulesError(`${file}: every personFirst entry needs a "kind"`);
      if ((p.terms !== undefined && !isStringList(p.terms)) || (p.exclude !== undefined && !isStringList(p.exclude))) {
        throw new RulesError(`${file}: personFirst "${p.kind}": terms and exclude must be lists of strings`);
      }
    }
  }
  return v as RulesData;
}

export function readRulesDir(dir: string): RulesData[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  return files.map((f) => {
    const path = join(dir, f);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new RulesError(`${path}: ${(e as Error).message}`);
    }
    return validateRulesData(parsed, path);
  });
}

/** Bundled rules, plus every *.json in extraDir when given. */
export function loadRules(extraDir?: string): ScreeningRules {
  if (!extraDir) return defaultRules();
  return compileRules([...DEFAULT_RULES_DATA, ...readRulesDir(extraDir)]);
}
