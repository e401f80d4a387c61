/** The bundled rule files, in the order they compile. Operators add files; see load-rules.ts. */
import type { RulesData } from './rules';
import context from './data/context.json';
import selfHarm from './data/self-harm.json';
import overdose from './data/overdose.json';
import sourcing from './data/sourcing.json';
import dosing from './data/dosing.json';
import personalInfo from './data/personal-info.json';
import names from './data/names.json';
import places from './data/places.json';
import harassment from './data/harassment.json';
import stigma from './data/stigma.json';
import personFirst from './data/person-first.json';
import spam from './data/spam.json';
import texting from './data/texting.json';
import spanish from './data/es.json';

export const DEFAULT_RULES_DATA: readonly RulesData[] = [
  texting,
  context,
  selfHarm,
  overdose,
  sourcing,
  dosing,
  personalInfo,
  names,
  places,
  harassment,
  stigma,
  personFirst,
  spam,
  spanish,
] as RulesData[];
