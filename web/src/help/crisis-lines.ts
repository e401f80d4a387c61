import type { MessageKey } from '../i18n/en';

/**
 * Help now, bundled into the client so it works offline and before anything loads from the
 * API. The same lines as the server's DEFAULT_CRISIS_RESOURCES (test/web-help-in-step.spec.ts
 * keeps them in step), with one-tap actions. Numbers are United States lines.
 */
export type HelpActionKind = 'call' | 'text' | 'chat';

export interface HelpAction {
  kind: HelpActionKind;
  href: string;
  label: MessageKey;
  /** For a text line: the keyword to send, which differs by language (HOME, AYUDA). */
  body?: MessageKey;
}

export interface HelpLine {
  id: string;
  name: MessageKey;
  description: MessageKey;
  actions: HelpAction[];
}

export const HELP_LINES: readonly HelpLine[] = [
  {
    id: 'emergency',
    name: 'help.emergency.name',
    description: 'help.emergency.description',
    actions: [{ kind: 'call', href: 'tel:911', label: 'help.emergency.call' }],
  },
  {
    id: '988',
    name: 'help.988.name',
    description: 'help.988.description',
    actions: [
      { kind: 'call', href: 'tel:988', label: 'help.988.call' },
      { kind: 'text', href: 'sms:988', label: 'help.988.text' },
      { kind: 'chat', href: 'https://988lifeline.org/chat/', label: 'help.988.chat' },
      { kind: 'call', href: 'tel:988', label: 'help.988.spanish' },
    ],
  },
  {
    id: 'crisis-text-line',
    name: 'help.ctl.name',
    description: 'help.ctl.description',
    actions: [{ kind: 'text', href: 'sms:741741', label: 'help.ctl.text', body: 'help.ctl.keyword' }],
  },
  {
    id: 'samhsa',
    name: 'help.samhsa.name',
    description: 'help.samhsa.description',
    actions: [{ kind: 'call', href: 'tel:+18006624357', label: 'help.samhsa.call' }],
  },
  {
    id: 'never-use-alone',
    name: 'help.nua.name',
    description: 'help.nua.description',
    actions: [{ kind: 'call', href: 'tel:+18004843731', label: 'help.nua.call' }],
  },
];

/** How to use naloxone, in order: each a message key. */
export const NALOXONE_STEPS: readonly MessageKey[] = [
  'help.naloxone.step1',
  'help.naloxone.step2',
  'help.naloxone.step3',
  'help.naloxone.step4',
  'help.naloxone.step5',
  'help.naloxone.step6',
  'help.naloxone.step7',
];
