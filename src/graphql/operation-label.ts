/** Label values that no client-given name can take (names start with a letter). */
export const UNNAMED = '_anonymous';
export const UNVALIDATED = '_invalid';
export const OVERFLOW = 'other';

/**
 * Operation names come from clients, so a name becomes a label only when its document
 * validated against the schema and it is one of the known names (the web client's, and
 * METRICS_OPERATION_NAMES): anything else is `other`. A client naming its operation after a
 * member's pseudonym therefore cannot put that pseudonym into the metrics, and the number of
 * series stays bounded by the list.
 */
export class OperationLabels {
  private readonly known: ReadonlySet<string>;

  constructor(known: Iterable<string>) {
    this.known = new Set(known);
  }

  label(name: string | null | undefined, validated: boolean): string {
    if (!validated) return UNVALIDATED;
    if (name === null || name === undefined || name === '') return UNNAMED;
    return this.known.has(name) ? name : OVERFLOW;
  }
}
