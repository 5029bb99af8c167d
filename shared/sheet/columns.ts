/**
 * Column definitions: every tab is a table of typed columns found by header name. A column has one
 * owner (who alone writes it), a kind (how a cell becomes a domain value and back) and, for enums,
 * its allowed values. Tab modules declare their columns with the builders below; the record type of
 * a tab and its zod schema are both derived from that one declaration.
 */
import * as z from 'zod/mini';
import type { IsoDate } from '../primitives/dates';
import type { BasisPoints, Cents } from '../primitives/money';

/** Who writes a column: people, the engine (actions), the sync service, or a formula set up once. */
export type Owner = 'user' | 'engine' | 'sync' | 'formula';

export type Kind =
  | 'text'
  | 'id'
  | 'qty'
  | 'int'
  | 'money'
  | 'discount'
  | 'date'
  | 'timestamp'
  | 'enum'
  | 'bool';

export interface Column {
  readonly header: string;
  readonly owner: Owner;
  readonly kind: Kind;
  /** Empty cells are refused instead of read as the kind's empty value. */
  readonly required?: boolean;
  readonly values?: readonly string[];
  /** Enum value for an empty cell; without it an empty enum cell reads as ''. */
  readonly fallback?: string;
  /**
   * A user-owned value that actions also move at a person's request: a stock count (OnHand: the
   * engine applies deltas to the value it read under the lock, so a typed count is the base of the
   * movement), a PO line's Qty and PromisedDate (change-po), an order line's Qty, UnitPrice and
   * RequiredDate (change-line). A write happens only when the value changes and only in its own cell.
   */
  readonly movedByEngine?: boolean;
}

type Opts = { required?: boolean; movedByEngine?: boolean };

export const text = <H extends string>(header: H, owner: Owner, o: Opts = {}) =>
  ({ header, owner, kind: 'text', ...o }) as const;
export const id = <H extends string>(header: H, owner: Owner, o: Opts = {}) =>
  ({ header, owner, kind: 'id', ...o }) as const;
export const qty = <H extends string>(header: H, owner: Owner, o: Opts = {}) =>
  ({ header, owner, kind: 'qty', ...o }) as const;
export const int = <H extends string>(header: H, owner: Owner, o: Opts = {}) =>
  ({ header, owner, kind: 'int', ...o }) as const;
export const money = <H extends string>(header: H, owner: Owner, o: Opts = {}) =>
  ({ header, owner, kind: 'money', ...o }) as const;
export const discount = <H extends string>(header: H, owner: Owner) =>
  ({ header, owner, kind: 'discount' }) as const;
export const date = <H extends string>(header: H, owner: Owner, o: Opts = {}) =>
  ({ header, owner, kind: 'date', ...o }) as const;
export const timestamp = <H extends string>(header: H, owner: Owner) =>
  ({ header, owner, kind: 'timestamp' }) as const;
export const bool = <H extends string>(header: H, owner: Owner) => ({ header, owner, kind: 'bool' }) as const;
export const oneOf = <
  H extends string,
  const V extends readonly string[],
  F extends V[number] | undefined = undefined,
>(
  header: H,
  owner: Owner,
  values: V,
  fallback?: F,
) => ({ header, owner, kind: 'enum', values, fallback: fallback as F }) as const;

/** The domain value a column decodes to. */
export type ValueOf<C> = C extends { kind: 'qty' | 'int' }
  ? number
  : C extends { kind: 'money' }
    ? Cents
    : C extends { kind: 'discount' }
      ? BasisPoints
      : C extends { kind: 'date' }
        ? IsoDate | null
        : C extends { kind: 'bool' }
          ? boolean
          : C extends { kind: 'enum'; values: readonly (infer V)[]; fallback: infer F }
            ? F extends string
              ? V
              : V | ''
            : string;

export type Columns = Record<string, Column>;
export type RecordOf<C extends Columns> = { -readonly [K in keyof C]: ValueOf<C[K]> };

export interface TabSpec<C extends Columns = Columns> {
  readonly name: string;
  readonly columns: C;
  /** Fields that identify a record; never a row number (users sort and insert rows). */
  readonly key: readonly (keyof C & string)[];
}

export function defineTab<const C extends Columns>(
  name: string,
  columns: C,
  key: readonly (keyof C & string)[],
) {
  return { name, columns, key } satisfies TabSpec<C>;
}

/** Header comparison ignores case, spaces and underscores: `Qty Backordered` = `QtyBackordered`. */
export function normalizeHeader(header: unknown): string {
  return String(header ?? '')
    .toLowerCase()
    .replace(/[\s_]+/g, '');
}

const isoDateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

function columnSchema(c: Column): z.ZodMiniType {
  switch (c.kind) {
    case 'qty':
    case 'int':
      return z.number().check(z.int(), z.gte(0));
    case 'money':
      return z.number().check(z.int());
    case 'discount':
      return z.number().check(z.int(), z.gte(0), z.lte(10_000));
    case 'date':
      return z.nullable(isoDateSchema);
    case 'bool':
      return z.boolean();
    case 'enum': {
      const values = [...(c.values ?? [])] as [string, ...string[]];
      return c.fallback === undefined ? z.enum([...values, ''] as [string, ...string[]]) : z.enum(values);
    }
    default:
      return z.string();
  }
}

/** The zod schema of a tab's records, for records that cross a JSON boundary (RPC, JSON import). */
export function recordSchema<C extends Columns>(spec: TabSpec<C>): z.ZodMiniType<RecordOf<C>> {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const [field, column] of Object.entries(spec.columns)) shape[field] = columnSchema(column);
  return z.object(shape) as unknown as z.ZodMiniType<RecordOf<C>>;
}

/** The key of a record as one string, e.g. `SO-1001#2`. */
export function keyOf<C extends Columns>(spec: TabSpec<C>, record: RecordOf<C>): string {
  // Hot path (every lookup of every command): no array allocation for the usual one or two key fields.
  const [a, b] = spec.key;
  if (spec.key.length === 1) return String(record[a as keyof C]);
  if (spec.key.length === 2) return `${record[a as keyof C]}#${record[b as keyof C]}`;
  return spec.key.map((k) => String(record[k])).join('#');
}
