/**
 * The working context every command handler gets: the unit of work, stock levels, settings, the
 * caller's clock and identity, and what the command has to report. Putting a line or a backorder
 * through here re-derives its status and checks the transition, so no handler can forget to.
 */

import { heldOrders, isHeld } from './holds';
import { PoPlanner } from './po-planner';
import { addDays, type IsoDate } from './primitives/dates';
import { DeskError } from './primitives/errors';
import { assertTransition, BACKORDER_TRANSITIONS, deriveBackorderStatus, deriveLineStatus } from './status';
import { Stock } from './stock';
import type { Backorder } from './tabs/backorders';
import type { OrderLine } from './tabs/orders';
import type { Settings } from './tabs/settings';
import type { Shipment } from './tabs/shipments';
import type { UnitOfWork } from './unit-of-work';

/** Who acts, when, and under which idempotency key; the core has no clock of its own. */
export interface CommandContext {
  readonly today: IsoDate;
  /** ISO instant, whole seconds. */
  readonly now: string;
  readonly actor: string;
  readonly requestId: string;
  /**
   * The highest number after each id prefix (`LG-`, `INV-`) anywhere in the workbook, where the
   * caller knows more than the rows it passes (the add-on's index tab): new ids continue above it.
   */
  readonly highestIds?: Readonly<Record<string, number>>;
}

export interface Shortfall {
  readonly orderId: string;
  readonly line: number;
  readonly sku: string;
  readonly wanted: number;
  readonly reserved: number;
  readonly outcome: 'backordered' | 'parked' | 'flagged';
}

export const lineKey = (orderId: string, line: number) => `${orderId}#${line}`;

export class Desk {
  readonly stock: Stock;
  readonly touchedSkus = new Set<string>();
  /** Orders whose lines this command changed (a ship-complete order may now be able to ship whole). */
  readonly touchedOrders = new Set<string>();
  readonly messages: string[] = [];
  readonly newIds: string[] = [];
  readonly shortfalls: Shortfall[] = [];
  readonly entities = new Set<string>();
  readonly poPlanner: PoPlanner;
  /** Set by undo: the LogID of the action it reverses. */
  undoes: string | undefined;
  /** Shipments this command added, for invoicing. */
  readonly newShipments: Shipment[] = [];
  /** Backorder → every shipment of it delivered; built on first need, kept current by `shipped`. */
  private delivered: Map<string, boolean> | undefined;
  private held: Set<string> | undefined;

  constructor(
    readonly uow: UnitOfWork,
    readonly config: Settings,
    readonly ctx: CommandContext,
  ) {
    this.stock = new Stock(uow);
    this.poPlanner = new PoPlanner(uow, (sku, warehouse) => this.stock.leadTimeDays(sku, warehouse));
  }

  /** Names what the command acted on, first mention first (the Log's Entity column shows three). */
  entity(name: string): void {
    this.entities.add(name);
  }

  entitySummary(): string {
    const all = [...this.entities];
    const shown = all.slice(0, 3).join(', ');
    return all.length > 3 ? `${shown} (+${all.length - 3} more)` : shown;
  }

  line(orderId: string, line: number): OrderLine {
    return this.uow.mustGet('orders', lineKey(orderId, line), `order ${orderId} line ${line}`);
  }

  linesOf(orderId: string): OrderLine[] {
    const lines = this.uow.all('orders').filter((l) => l.orderId === orderId);
    if (lines.length === 0) throw new DeskError('NOT_FOUND', `Orders: order ${orderId} not found`);
    return lines;
  }

  backorder(id: string): Backorder {
    return this.uow.mustGet('backorders', id, `backorder ${id}`);
  }

  /** Stores a line with its status derived from its quantities; `at` is its known position, if any. */
  putLine(line: OrderLine, allocationRan = false, at?: number, fresh = false): OrderLine {
    this.touchedSkus.add(line.sku);
    this.touchedOrders.add(line.orderId);
    if (this.held && isHeld(line) !== this.held.has(line.orderId)) this.held = undefined;
    const status = deriveLineStatus(line, allocationRan);
    // `fresh`: the caller built this object for this put and shares it with no one, so the status can
    // be set on it instead of copying 24 fields again (allocate-all's hot path).
    if (fresh) line.status = status;
    const record = line.status === status ? line : { ...line, status };
    return at === undefined ? this.uow.put('orders', record) : this.uow.putAt('orders', at, record);
  }

  /** Stores a backorder with its status derived, refusing a transition the lifecycle forbids. */
  putBackorder(next: Backorder): Backorder {
    const before = this.uow.get('backorders', next.backorderId);
    // Delivery only matters once nothing remains; skip the lookup otherwise.
    const delivered = next.qtyRemaining === 0 && next.qtyFulfilled > 0 && this.deliveredFor(next.backorderId);
    const status = deriveBackorderStatus(next, delivered);
    if (before)
      assertTransition(BACKORDER_TRANSITIONS, `Backorder ${next.backorderId}`, before.status, status);
    this.touchedSkus.add(next.sku);
    const record = next.status === status ? next : { ...next, status };
    return before ? this.uow.put('backorders', record) : this.uow.add('backorders', record);
  }

  /** The orders on hold (shared/holds.ts), found once per command and kept current by putLine. */
  heldOrders(): ReadonlySet<string> {
    this.held ??= heldOrders(this.uow.all('orders'));
    return this.held;
  }

  private deliveredFor(backorderId: string): boolean {
    if (!this.delivered) {
      this.delivered = new Map();
      for (const s of this.uow.all('shipments'))
        if (s.backorderId)
          this.delivered.set(
            s.backorderId,
            (this.delivered.get(s.backorderId) ?? true) && s.deliveredAt !== null,
          );
    }
    return this.delivered.get(backorderId) === true;
  }

  /** A new shipment for a backorder is not delivered yet. */
  shipped(backorderId: string): void {
    this.delivered?.set(backorderId, false);
  }

  /** Changes a line's backordered count by `delta` (and optionally other counters). */
  adjustLine(
    orderId: string,
    line: number,
    change: Partial<Record<'qtyBackordered' | 'qtyShipped' | 'qtyCancelled', number>>,
  ) {
    const l = this.line(orderId, line);
    this.putLine({
      ...l,
      qtyBackordered: l.qtyBackordered + (change.qtyBackordered ?? 0),
      qtyShipped: l.qtyShipped + (change.qtyShipped ?? 0),
      qtyCancelled: l.qtyCancelled + (change.qtyCancelled ?? 0),
    });
  }

  /** When to ask a customer whether a completed backorder arrived well (001 "Follow up after fulfillment"). */
  deliveredFollowUpDate(): IsoDate {
    return this.inDays(this.config.DeliveredFollowUpDays);
  }

  followUpDate(): IsoDate {
    return this.inDays(this.config.FollowUpDays);
  }

  private readonly dayCache = new Map<number, IsoDate>();
  /** Today plus `days`, memoised: thousands of backorders share a handful of lead times. */
  inDays(days: number): IsoDate {
    let d = this.dayCache.get(days);
    if (d === undefined) {
      d = addDays(this.ctx.today, days);
      this.dayCache.set(days, d);
    }
    return d;
  }
}
