/**
 * The working context every command handler gets: the unit of work, stock levels, settings, the
 * caller's clock and identity, and what the command has to report. Putting a line or a backorder
 * through here re-derives its status and checks the transition, so no handler can forget to.
 */
import { addDays, type IsoDate } from './dates';
import { DeskError } from './errors';
import { deriveBackorderStatus, deriveLineStatus, BACKORDER_TRANSITIONS, assertTransition } from './status';
import { Stock } from './stock';
import type { Backorder } from './tabs/backorders';
import type { OrderLine } from './tabs/orders';
import type { Settings } from './tabs/settings';
import type { UnitOfWork } from './unit-of-work';

/** Who acts, when, and under which idempotency key; the core has no clock of its own. */
export interface CommandContext {
  readonly today: IsoDate;
  /** ISO instant, whole seconds. */
  readonly now: string;
  readonly actor: string;
  readonly requestId: string;
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
  readonly messages: string[] = [];
  readonly newIds: string[] = [];
  readonly shortfalls: Shortfall[] = [];
  readonly entities: string[] = [];

  constructor(
    readonly uow: UnitOfWork,
    readonly config: Settings,
    readonly ctx: CommandContext,
  ) {
    this.stock = new Stock(uow);
  }

  /** Names what the command acted on, first mention first (the Log's Entity column shows three). */
  entity(name: string): void {
    if (!this.entities.includes(name)) this.entities.push(name);
  }

  entitySummary(): string {
    const shown = this.entities.slice(0, 3).join(', ');
    return this.entities.length > 3 ? `${shown} (+${this.entities.length - 3} more)` : shown;
  }

  line(orderId: string, line: number): OrderLine {
    return this.uow.require('orders', lineKey(orderId, line), `order ${orderId} line ${line}`);
  }

  linesOf(orderId: string): OrderLine[] {
    const lines = this.uow.all('orders').filter((l) => l.orderId === orderId);
    if (lines.length === 0) throw new DeskError('NOT_FOUND', `Orders: order ${orderId} not found`);
    return lines;
  }

  backorder(id: string): Backorder {
    return this.uow.require('backorders', id, `backorder ${id}`);
  }

  /** Stores a line with its status derived from its quantities. */
  putLine(line: OrderLine, allocationRan = false): OrderLine {
    this.touchedSkus.add(line.sku);
    return this.uow.put('orders', { ...line, status: deriveLineStatus(line, allocationRan) });
  }

  /** Stores a backorder with its status derived, refusing a transition the lifecycle forbids. */
  putBackorder(next: Backorder): Backorder {
    const before = this.uow.get('backorders', next.backorderId);
    const delivered = this.deliveredFor(next.backorderId);
    const status = deriveBackorderStatus(next, delivered);
    if (before) assertTransition(BACKORDER_TRANSITIONS, `Backorder ${next.backorderId}`, before.status, status);
    this.touchedSkus.add(next.sku);
    const record = { ...next, status };
    return before ? this.uow.put('backorders', record) : this.uow.add('backorders', record);
  }

  private deliveredFor(backorderId: string): boolean {
    const ships = this.uow.all('shipments').filter((s) => s.backorderId === backorderId);
    return ships.length > 0 && ships.every((s) => s.deliveredAt !== null);
  }

  /** Changes a line's backordered count by `delta` (and optionally other counters). */
  adjustLine(orderId: string, line: number, change: Partial<Record<'qtyBackordered' | 'qtyShipped' | 'qtyCancelled', number>>) {
    const l = this.line(orderId, line);
    this.putLine({
      ...l,
      qtyBackordered: l.qtyBackordered + (change.qtyBackordered ?? 0),
      qtyShipped: l.qtyShipped + (change.qtyShipped ?? 0),
      qtyCancelled: l.qtyCancelled + (change.qtyCancelled ?? 0),
    });
  }

  followUpDate(): IsoDate {
    return addDays(this.ctx.today, this.config.FollowUpDays);
  }
}
