import { registerEnumType } from '@nestjs/graphql';
import { enumOf } from '../common/vocabulary/enum-of';

/**
 * The paths to recovery a member may tag themselves with, and a thread may carry. A fixed list
 * in no order of merit: every path is listed, filtered and shown alike, and none is ranked
 * above another anywhere (the list's order is only the order forms show them in).
 */
export const PATHWAYS = ['TWELVE_STEP', 'SMART', 'MEDICATION', 'FAITH_BASED', 'SECULAR', 'HARM_REDUCTION', 'LOVED_ONE'] as const;
export type Pathway = (typeof PATHWAYS)[number];
export const Pathway = enumOf(PATHWAYS);

registerEnumType(Pathway, {
  name: 'Pathway',
  description: 'A path to recovery. No path is ranked above another.',
  valuesMap: {
    TWELVE_STEP: { description: '12-step fellowships.' },
    SMART: { description: 'SMART Recovery.' },
    MEDICATION: { description: 'Medication for opioid use disorder (MOUD).' },
    FAITH_BASED: { description: 'Faith-based recovery.' },
    SECULAR: { description: 'Secular recovery.' },
    HARM_REDUCTION: { description: 'Harm reduction.' },
    LOVED_ONE: { description: 'Supporting a loved one.' },
  },
});

/** Known pathways only, each once, in the list's order (so equal choices store equally). */
export function normalizePathways(values: readonly string[] | null | undefined): Pathway[] {
  const chosen = new Set(values ?? []);
  return PATHWAYS.filter((pathway) => chosen.has(pathway));
}
