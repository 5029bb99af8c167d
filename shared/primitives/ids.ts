/**
 * Sequential ids (BO-000042, SH-000007, LG-000123): the next number above every id of the prefix,
 * so ids stay stable and readable whatever order people sort rows in.
 */

/** @example highestId('BO', ['BO-000002', 'BO-000010', 'X-9']) // 10 */
export function highestId(prefix: string, ids: Iterable<string>): number {
  const re = new RegExp(`^${prefix}-(\\d+)$`);
  let n = 0;
  for (const id of ids) {
    const m = re.exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return n;
}

export function formatId(prefix: string, n: number, width = 6): string {
  return `${prefix}-${String(n).padStart(width, '0')}`;
}
