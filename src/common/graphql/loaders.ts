/**
 * Per-request DataLoaders, created in the GraphQL context (never request-scoped providers),
 * one group per domain. Each domain adds its group to this interface from its own loaders
 * file (declaration merging), so common names no domain and the context stays fully typed.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by each domain's loaders file
export interface Loaders {}
