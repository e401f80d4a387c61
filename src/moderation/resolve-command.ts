import { Decision } from './moderation-case.entity';
import { moderationErrors } from './moderation.errors';

export const NOTE_MAX = 2000;

export interface ResolveCommand {
  caseId: string;
  decision: Decision;
  noteToAuthor?: string | null;
  internalNote?: string | null;
}

export interface CleanResolveCommand {
  caseId: string;
  decision: Decision;
  noteToAuthor: string | null;
  internalNote: string | null;
}

function cleanNote(raw: string | null | undefined, field: string): string | null {
  if (raw === null || raw === undefined) return null;
  const note = raw.trim();
  if (note === '') return null;
  if ([...note].length > NOTE_MAX) throw moderationErrors.invalid(`Notes can be at most ${NOTE_MAX} characters.`, field);
  return note;
}

/** Pure: a moderator's decision with its notes trimmed (blank is none), or INVALID_INPUT. */
export function cleanResolveCommand(command: ResolveCommand): CleanResolveCommand {
  const noteToAuthor = cleanNote(command.noteToAuthor, 'noteToAuthor');
  const internalNote = cleanNote(command.internalNote, 'internalNote');
  if (!Object.values(Decision).includes(command.decision)) throw moderationErrors.invalid('Unknown decision.', 'decision');
  return { caseId: command.caseId, decision: command.decision, noteToAuthor, internalNote };
}
