import { enumOf } from '../common/vocabulary/enum-of';

/** The states of docs/architecture.md's post lifecycle; transitions live in post-lifecycle.ts. */
export const POST_STATUSES = ['PENDING', 'HELD', 'NEEDS_CHANGES', 'PUBLISHED', 'REJECTED', 'REMOVED'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];
export const PostStatus = enumOf(POST_STATUSES);

/** CHECK_IN: the private words of a daily check-in (src/checkins); never public, see post-visibility.ts. */
export const POST_KINDS = ['THREAD', 'REPLY', 'CHECK_IN'] as const;
export type PostKind = (typeof POST_KINDS)[number];
export const PostKind = enumOf(POST_KINDS);

export const CONTENT_WARNINGS = ['RELAPSE', 'SUBSTANCE_USE', 'SELF_HARM', 'OVERDOSE', 'LOSS', 'TRAUMA'] as const;
export type ContentWarning = (typeof CONTENT_WARNINGS)[number];
export const ContentWarning = enumOf(CONTENT_WARNINGS);
