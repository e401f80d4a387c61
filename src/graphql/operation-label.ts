/** A name a client may give its operation that is fit for a label: short, plain, nothing else. */
const OPERATION_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Distinct names kept per process; the web client uses a few dozen. */
export const OPERATION_NAMES_MAX = 200;

/** Label values that no client-given name can take (names start with a letter). */
export const UNNAMED = '_anonymous';
export const UNVALIDATED = '_invalid';
export const OVERFLOW = 'other';

/**
 * Operation names come from clients, so before one becomes a label it must have validated
 * against the schema, look like a name, and be among the first OPERATION_NAMES_MAX seen;
 * anything else folds into one value, and the number of series stays bounded.
 */
export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly max = OPERATION_NAMES_MAX) {}

  label(name: string | null | undefined, validated: boolean): string {
    if (!validated) return UNVALIDATED;
    if (name === null || name === undefined || name === '') return UNNAMED;
    if (!OPERATION_NAME.test(name)) return OVERFLOW;
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.max) return OVERFLOW;
    this.seen.add(name);
    return name;
  }
}
