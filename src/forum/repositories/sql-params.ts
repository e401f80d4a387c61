/**
 * Positional parameters for hand-built SQL: each value added gets the next placeholder, so
 * conditions can be composed in any order without numbering them by hand.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  /** The value's placeholder, e.g. `$3`, or `$3::uuid` with a cast. */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}
