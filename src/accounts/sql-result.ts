/**
 * TypeORM's postgres driver returns `[rows, affectedCount]` from `query()` for UPDATE and
 * DELETE, and the rows alone for everything else. These read either shape.
 */
export function affectedRows(result: unknown): number {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[1];
  return Array.isArray(result) ? result.length : 0;
}
