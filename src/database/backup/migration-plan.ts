/** What a restore does about schema versions, decided before anything is written. */
export type RestorePlan =
  /** Migrate the target to the backup's migrations, load, then apply `later` (this code's newer ones). */
  { ok: true; later: string[] } | { ok: false; reason: string };

function isPrefix(prefix: readonly string[], of: readonly string[]): boolean {
  return prefix.length <= of.length && prefix.every((name, index) => of[index] === name);
}

/**
 * A backup loads into exactly the schema it was taken from. A backup from an older Kindred
 * (its migrations a prefix of this code's) is loaded at its own schema and then migrated
 * forward, so data migrations run over its rows as they would have on the old server.
 * Anything else needs the Kindred version that made it.
 *
 * @param backup migrations recorded in the backup, oldest first
 * @param code this code's migrations, oldest first
 * @param target migrations already applied to the target (empty for a new database)
 */
export function planRestore(backup: readonly string[], code: readonly string[], target: readonly string[]): RestorePlan {
  const newest = (list: readonly string[]) => list[list.length - 1] ?? 'none';
  if (backup.length === 0) return { ok: false, reason: 'the backup records no migrations: it holds no Kindred schema' };
  if (!isPrefix(backup, code)) {
    const newer = isPrefix(code, backup);
    return {
      ok: false,
      reason: newer
        ? `this backup comes from a newer Kindred (its newest migration is ${newest(backup)}, this code's is ${newest(code)}): restore it with that version or a later one`
        : `this backup's schema (newest migration ${newest(backup)}) is not one this Kindred's migrations made: restore it with the Kindred version that made it`,
    };
  }
  if (!isPrefix(target, backup)) {
    return {
      ok: false,
      reason: `the target's schema is already at migration ${newest(target)}, past the backup's ${newest(backup)}: restore into a new DATA_DIR or an empty database`,
    };
  }
  return { ok: true, later: code.slice(backup.length) };
}
