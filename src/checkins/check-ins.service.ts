import { Inject, Injectable } from '@nestjs/common';
import { pageSize, Page } from '../common/pagination/cursor';
import { decodeTimeCursor } from '../common/pagination/keyset';
import type { KindredConfig } from '../config/config';
import { KINDRED_CONFIG } from '../config/config.module';
import { CheckInClock } from './check-in-clock';
import type { CheckInEntity } from './check-in.entity';
import { checkInErrors } from './checkins.errors';
import { isTimeZone, localDate, threadDay } from './local-day';
import { CheckInsRepository } from './repositories/check-ins.repository';

export interface CheckInCommand {
  mood: number;
  intention: string;
  note?: string | null;
  /** IANA zone of the member's day; UTC when left out. */
  timeZone?: string | null;
}

/** A check-in, checked and placed in its day, ready to be written. */
export interface CheckInDraft {
  mood: number;
  intention: string;
  note: string | null;
  timeZone: string;
  /** The member's own calendar date. */
  localDate: string;
  /** The UTC day whose check-in thread the words belong to. */
  threadDay: string;
}

/** Words for the mood scale, 1 to 5: the history and the shared reply say them, never a score alone. */
export const MOOD_WORDS = ['Really hard', 'Hard', 'Okay', 'Good', 'Really good'] as const;

export function moodWords(mood: number): string {
  return MOOD_WORDS[mood - 1] ?? String(mood);
}

/**
 * The check-ins' rules: what a check-in may hold, which day it belongs to, and the member's
 * history. Writing one (with its private post, and sharing it) crosses into the forum and
 * lives in workflows/check-in.workflow.ts. There are no streaks, on purpose: a missed day is
 * not a failure, so nothing here counts days in a row.
 */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly checkIns: CheckInsRepository,
    private readonly clock: CheckInClock,
    @Inject(KINDRED_CONFIG) private readonly config: KindredConfig,
  ) {}

  /** Validates a check-in and works out its day from the server's clock, never from the client. */
  draft(input: CheckInCommand): CheckInDraft {
    const { intentionMax, noteMax } = this.config.checkIns;
    if (!Number.isInteger(input.mood) || input.mood < 1 || input.mood > 5) {
      throw checkInErrors.invalid('Please choose how today feels, from 1 (really hard) to 5 (really good).', 'mood');
    }
    const intention = typeof input.intention === 'string' ? input.intention.trim() : '';
    if (intention === '') throw checkInErrors.invalid('Please write a short intention for today, even a few words.', 'intention');
    if ([...intention].length > intentionMax) {
      throw checkInErrors.invalid(`An intention can be at most ${intentionMax} characters.`, 'intention');
    }
    const note = typeof input.note === 'string' && input.note.trim() !== '' ? input.note.trim() : null;
    if (note !== null && [...note].length > noteMax) throw checkInErrors.invalid(`A note can be at most ${noteMax} characters.`, 'note');
    const timeZone = input.timeZone?.trim() || 'UTC';
    if (!isTimeZone(timeZone))
      throw checkInErrors.invalid(`"${timeZone}" is not a time zone we know (try e.g. "America/Chicago").`, 'timeZone');
    const now = this.clock.now();
    return { mood: input.mood, intention, note, timeZone, localDate: localDate(now, timeZone), threadDay: threadDay(now) };
  }

  /** The UTC day whose check-in thread is open now. */
  today(): string {
    return threadDay(this.clock.now());
  }

  /** The member's check-ins, newest first. */
  history(accountId: string, first?: number | null, after?: string | null): Promise<Page<CheckInEntity>> {
    const size = pageSize(first, this.config.checkIns.historyPageDefault, this.config.limits.pageSizeMax);
    return this.checkIns.pageByAccount(accountId, decodeTimeCursor(after), size);
  }
}

/** The private post's words: what screening reads and what a moderator handling a case sees. */
export function privateBody(draft: Pick<CheckInDraft, 'mood' | 'intention' | 'note'>): string {
  const lines = [`Private daily check-in. Today feels: ${moodWords(draft.mood)} (${draft.mood} of 5).`, `Intention: ${draft.intention}`];
  if (draft.note !== null) lines.push(`Note: ${draft.note}`);
  return lines.join('\n');
}

/** The reply shared to the day's thread: mood and intention, and the note only when the member chose. */
export function sharedBody(draft: Pick<CheckInDraft, 'mood' | 'intention' | 'note'>, includeNote: boolean): string {
  const lines = [`Today feels: ${moodWords(draft.mood)}.`, `My intention: ${draft.intention}`];
  if (includeNote && draft.note !== null) lines.push('', draft.note);
  return lines.join('\n');
}
