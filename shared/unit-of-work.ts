/**
 * A unit of work over a decoded workbook: commands read current records, put changed copies and add
 * new ones; the input workbook is never mutated. `changes()` yields, per tab, the records that really
 * differ from the input, which is all the adapters write back.
 */

import { DeskError } from './primitives/errors';
import { formatId, highestId } from './primitives/ids';
import { keyOf, type TabSpec } from './sheet/columns';
import { type Records, TABS, type TabKey, type Workbook, type WorkbookChanges } from './workbook';

type Rec<K extends TabKey> = Records[K][number];

interface TabState<R> {
  rows: R[];
  /** Key → position, built on the first lookup by key (allocate-all never needs it for Orders). */
  keyIndex: Map<string, number> | undefined;
  touched: Set<number>;
  addedFrom: number;
}

export class UnitOfWork {
  private readonly state: Partial<Record<TabKey, TabState<unknown>>> = {};
  private readonly counters = new Map<string, number>();
  private readonly removed = new Map<TabKey, Set<number>>();

  /** `highestIds`: per id prefix with its dash (`LG-`), a number every new id of it must pass. */
  constructor(
    readonly before: Workbook,
    private readonly highestIds: Readonly<Record<string, number>> = {},
  ) {}

  private tab<K extends TabKey>(key: K): TabState<Rec<K>> {
    let s = this.state[key] as TabState<Rec<K>> | undefined;
    if (!s) {
      const rows = [...(this.before[key] as Rec<K>[])];
      s = { rows, keyIndex: undefined, touched: new Set(), addedFrom: rows.length };
      this.state[key] = s as TabState<unknown>;
    }
    return s;
  }

  private index<K extends TabKey>(key: K): Map<string, number> {
    const s = this.tab(key);
    if (!s.keyIndex) {
      const spec = TABS[key] as unknown as TabSpec;
      const index = new Map<string, number>();
      s.rows.forEach((r, i) => {
        index.set(keyOf(spec, r as never), i);
      });
      s.keyIndex = index;
    }
    return s.keyIndex;
  }

  /** Current records of a tab, in sheet order, new ones last. */
  all<K extends TabKey>(key: K): readonly Rec<K>[] {
    return this.tab(key).rows;
  }

  /** Position of a record in `all(key)`, stable for the life of the unit of work. */
  indexOf<K extends TabKey>(key: K, recordKey: string): number | undefined {
    return this.index(key).get(recordKey);
  }

  at<K extends TabKey>(key: K, index: number): Rec<K> {
    return this.tab(key).rows[index] as Rec<K>;
  }

  /** Replaces the record at a known position (same key): the fast path of `put`. */
  putAt<K extends TabKey>(key: K, index: number, record: Rec<K>): Rec<K> {
    const s = this.tab(key);
    s.rows[index] = record;
    s.touched.add(index);
    return record;
  }

  get<K extends TabKey>(key: K, recordKey: string): Rec<K> | undefined {
    const i = this.index(key).get(recordKey);
    return i === undefined ? undefined : this.tab(key).rows[i];
  }

  /** Like `get`, but a missing record is a NOT_FOUND refusal naming what was looked for. */
  mustGet<K extends TabKey>(key: K, recordKey: string, what: string): Rec<K> {
    const r = this.get(key, recordKey);
    if (!r) throw new DeskError('NOT_FOUND', `${TABS[key].name}: ${what} not found`);
    return r;
  }

  /** Replaces an existing record (same key). */
  put<K extends TabKey>(key: K, record: Rec<K>): Rec<K> {
    const s = this.tab(key);
    const k = keyOf(TABS[key] as unknown as TabSpec, record as never);
    const i = this.index(key).get(k);
    if (i === undefined) throw new DeskError('NOT_FOUND', `${TABS[key].name}: no record ${k} to update`);
    s.rows[i] = record;
    s.touched.add(i);
    return record;
  }

  /** Adds a new record; its key must be new. */
  add<K extends TabKey>(key: K, record: Rec<K>): Rec<K> {
    const s = this.tab(key);
    const k = keyOf(TABS[key] as unknown as TabSpec, record as never);
    const index = this.index(key);
    if (index.has(k)) throw new DeskError('INVARIANT', `${TABS[key].name}: ${k} already exists`);
    index.set(k, s.rows.length);
    s.rows.push(record);
    return record;
  }

  /** Removes a record that existed before this unit of work (undo, archive). */
  remove<K extends TabKey>(key: K, recordKey: string): void {
    const at = this.index(key).get(recordKey);
    if (at === undefined || at >= this.tab(key).addedFrom)
      throw new DeskError('NOT_FOUND', `${TABS[key].name}: no record ${recordKey} to remove`);
    let set = this.removed.get(key);
    if (!set) {
      set = new Set();
      this.removed.set(key, set);
    }
    set.add(at);
  }

  /** Next sequential id like BO-000042, above every id of that prefix in `existing` and the workbook. */
  nextId(prefix: string, existing: () => Iterable<string>, width = 6): string {
    const n =
      (this.counters.get(prefix) ??
        Math.max(highestId(prefix, existing()), this.highestIds[`${prefix}-`] ?? 0)) + 1;
    this.counters.set(prefix, n);
    return formatId(prefix, n, width);
  }

  /** Records that differ from the input, per tab. */
  changes(): WorkbookChanges {
    const out: Record<string, { updated: unknown[]; added: unknown[]; deleted?: unknown[] }> = {};
    for (const key of Object.keys(this.state) as TabKey[]) {
      const s = this.tab(key);
      const before = this.before[key] as unknown[];
      const gone = this.removed.get(key) ?? new Set<number>();
      const updated: unknown[] = [];
      for (const i of [...s.touched].sort((a, b) => a - b)) {
        if (i >= s.addedFrom || gone.has(i)) continue;
        if (!sameRecord(before[i], s.rows[i])) updated.push(s.rows[i]);
      }
      const added = s.rows.slice(s.addedFrom);
      const deleted = [...gone].sort((a, b) => a - b).map((i) => before[i]);
      if (updated.length > 0 || added.length > 0 || deleted.length > 0)
        out[key] = deleted.length > 0 ? { updated, added, deleted } : { updated, added };
    }
    return out as WorkbookChanges;
  }
}

function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k in x) if (x[k] !== y[k]) return false;
  return true;
}
