/**
 * Reads a weights file (the one I/O of the model): the bundled models/screening-model.json
 * at the project root, or another file named by SCREENING_MODEL. Read once per process or
 * thread at start; a missing or malformed file fails the start with a message naming it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ScreeningModel } from './model';
import { fromModelFile, ModelFile, ModelFormatError } from './weights-file';

/** What SCREENING_MODEL asks for: no model, the bundled one, or a file. */
export type ModelSetting = { kind: 'off' } | { kind: 'bundled' } | { kind: 'file'; path: string };

export const BUNDLED_MODEL = 'models/screening-model.json';

/**
 * The project root, from this file's place: src/screening/model under ts-jest, or
 * dist/src/screening/model once built (`npm start`, the worker threads, the Docker image).
 */
export function projectRoot(): string {
  return __filename.endsWith('.js') ? resolve(__dirname, '..', '..', '..', '..') : resolve(__dirname, '..', '..', '..');
}

export function bundledModelPath(): string {
  return resolve(projectRoot(), BUNDLED_MODEL);
}

export function modelPath(setting: ModelSetting): string | null {
  if (setting.kind === 'off') return null;
  return setting.kind === 'bundled' ? bundledModelPath() : resolve(setting.path);
}

/** The parsed file as it is (metadata and figures included), for tools and the admin view. */
export function readModelFile(path: string): ModelFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ModelFormatError(`cannot read the screening model ${path}: ${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ModelFormatError(`${path}: not JSON (${(e as Error).message})`);
  }
  fromModelFile(value, path);
  return value as ModelFile;
}

export function loadModelFile(path: string): ScreeningModel {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ModelFormatError(`cannot read the screening model ${path}: ${(e as Error).message}`);
  }
  return fromModelFile(value, path);
}

/** The model SCREENING_MODEL asks for, or null when it is off. */
export function loadModel(setting: ModelSetting): ScreeningModel | null {
  const path = modelPath(setting);
  return path === null ? null : loadModelFile(path);
}
