/** A foreign key from `table` to `references`, as the catalog describes it. */
export interface ForeignKey {
  table: string;
  references: string;
  /** Checked at commit when deferred (the restore defers every deferrable key), so it orders nothing. */
  deferrable: boolean;
}

/** The keys a load must respect: a table's references to itself are checked at the end of its COPY. */
function orderingKeys(tables: ReadonlySet<string>, keys: readonly ForeignKey[]): ForeignKey[] {
  return keys.filter((key) => !key.deferrable && key.table !== key.references && tables.has(key.table) && tables.has(key.references));
}

/**
 * The tables in an order a restore can load them one after the other: every table after the
 * tables it references. Ties go alphabetically, so the same schema always gives the same file.
 * post and thread reference each other; post's key to thread is deferrable, which breaks the cycle.
 */
export function loadOrder(tables: readonly string[], keys: readonly ForeignKey[]): string[] {
  const names = new Set(tables);
  const waitingOn = new Map<string, Set<string>>([...names].map((name) => [name, new Set<string>()]));
  for (const key of orderingKeys(names, keys)) waitingOn.get(key.table)?.add(key.references);
  const order: string[] = [];
  while (waitingOn.size > 0) {
    const ready = [...waitingOn].filter(([, references]) => references.size === 0).map(([name]) => name);
    if (ready.length === 0) {
      throw new Error(`the foreign keys between ${[...waitingOn.keys()].sort().join(', ')} form a cycle: no table can be loaded first`);
    }
    const next = ready.sort()[0];
    order.push(next);
    waitingOn.delete(next);
    for (const references of waitingOn.values()) references.delete(next);
  }
  return order;
}

/** Where `order` would load a table before one it references ("thread before post"); empty when it is safe. */
export function loadOrderViolations(order: readonly string[], keys: readonly ForeignKey[]): string[] {
  const position = new Map(order.map((name, index) => [name, index]));
  return orderingKeys(new Set(order), keys)
    .filter((key) => (position.get(key.table) as number) < (position.get(key.references) as number))
    .map((key) => `${key.table} before ${key.references}`);
}
