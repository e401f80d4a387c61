/** The states of docs/architecture.md's post lifecycle; transitions live in post-lifecycle.ts. */
export enum PostStatus {
  PENDING = 'PENDING',
  HELD = 'HELD',
  NEEDS_CHANGES = 'NEEDS_CHANGES',
  PUBLISHED = 'PUBLISHED',
  REJECTED = 'REJECTED',
  REMOVED = 'REMOVED',
}

export enum PostKind {
  THREAD = 'THREAD',
  REPLY = 'REPLY',
}

export enum ContentWarning {
  RELAPSE = 'RELAPSE',
  SUBSTANCE_USE = 'SUBSTANCE_USE',
  SELF_HARM = 'SELF_HARM',
  OVERDOSE = 'OVERDOSE',
  LOSS = 'LOSS',
  TRAUMA = 'TRAUMA',
}
