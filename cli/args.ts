/**
 * Command-line arguments of `backorder-desk` (PRODUCT.md section 7, kept exactly; `--method`,
 * `--choice`, `--actor` and `--request-id` extend it). `do ACTION` flags become a core Command parsed
 * by the shared zod schema, so the CLI accepts exactly what every other edge accepts.
 */
import { parseArgs } from 'node:util';
import { COMMAND_FLAGS } from '../shared/commands/catalog';
import { type Action, type Command, CommandSchema } from '../shared/commands/schema';
import { isIsoDate } from '../shared/primitives/dates';
import { matchVocabulary } from '../shared/tabs/vocabulary';

export class UsageError extends Error {}

export const USAGE = `usage: backorder-desk COMMAND [options]

  init     --workbook F                       create or upgrade every tab (idempotent)
  import   --workbook F --tab TAB --csv FILE  add or update rows by key; validated; all or nothing
           [--opening]                        Orders / POs already in flight: QtyShipped (+ ShipDate),
                                              QtyReceived (+ ReceivedAt) come in as opening balances
           [--allocate]                       then allocate at once (stock checked at order entry)
  export   --workbook F --tab TAB [--format csv|json] [--out FILE]
  do ACTION --workbook F [--order ID] [--line N] [--backorder ID] [--po ID] [--sku SKU]
           [--warehouse W] [--to W] [--qty N] [--date YYYY-MM-DD] [--price AMOUNT] [--reason TEXT] [--note TEXT]
           [--method Phone|Email|In person|Other] [--choice Wait|Substitute|Cancel part|Reschedule] [--json]
     ACTION: allocate | ship | create-backorder | receive | fulfill | cancel | cancel-line
             | change-line | hold | release | send-po | change-po | cancel-po-line | reschedule
             | substitute | log-call | transfer | drop-ship | reorder | undo   (allocate and fulfill
             with no id: all; ship and fulfill: [--carrier NAME] [--tracking NO]; cancel-line:
             --order --line [--qty] --reason; change-line: --order --line [--qty] [--date]
             [--price]; hold: --order [--note]; release: --order; send-po: --po; change-po: --po
             --line [--date] [--qty]; cancel-po-line: --po --line [--note])
  aging    --workbook F                       rebuild the Aging tab
  sync     --workbook F | --spreadsheet ID [--feeds FILE] [--dry-run] [--every MINUTES] [--notify]
  invoices --workbook F --format quickbooks|xero [--out FILE]
           [--again [--batch N]]              export again what was exported (all, or batch N)
  check    --workbook F [--repair]            invariants, headers, formulas, validation
  archive  --workbook F --before YYYY-MM-DD --to FILE
  notify   --workbook F | --spreadsheet ID [--dry-run] [--json]
                                              e-mail every customer notice due, never twice
                                              (BACKORDER_DESK_SMTP_URL, BACKORDER_DESK_MAIL_FROM)
  follow-ups --workbook F | --spreadsheet ID [--rep NAME] [--json]
                                              whom each rep should contact today, and why
  document --workbook F --kind pick-list|packing-slip --shipment ID | --kind confirmation --backorder ID
           | --kind message --message created|rescheduled|ready|shipped|cancelled|status|delivered --backorder ID
           [--format text|html] [--out FILE]

  every command: --today YYYY-MM-DD (or BACKORDER_DESK_TODAY) fixes the clock; --actor NAME;
                 --request-id ID makes a retried command a no-op; a missing --workbook file is
                 refused (init and import create one, as does any command given --create)
  --version prints the version; --help this text
  exit codes: 0 done; 1 refused (reason on stderr); 2 usage (on stderr)`;

const OPTIONS = {
  workbook: { type: 'string' },
  spreadsheet: { type: 'string' },
  today: { type: 'string' },
  json: { type: 'boolean' },
  actor: { type: 'string' },
  'request-id': { type: 'string' },
  tab: { type: 'string' },
  csv: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  order: { type: 'string' },
  line: { type: 'string' },
  backorder: { type: 'string' },
  po: { type: 'string' },
  sku: { type: 'string' },
  warehouse: { type: 'string' },
  to: { type: 'string' },
  carrier: { type: 'string' },
  tracking: { type: 'string' },
  allocate: { type: 'boolean' },
  qty: { type: 'string' },
  date: { type: 'string' },
  price: { type: 'string' },
  reason: { type: 'string' },
  note: { type: 'string' },
  method: { type: 'string' },
  choice: { type: 'string' },
  feeds: { type: 'string' },
  'dry-run': { type: 'boolean' },
  notify: { type: 'boolean' },
  again: { type: 'boolean' },
  batch: { type: 'string' },
  create: { type: 'boolean' },
  opening: { type: 'boolean' },
  every: { type: 'string' },
  repair: { type: 'boolean' },
  before: { type: 'string' },
  shipment: { type: 'string' },
  kind: { type: 'string' },
  rep: { type: 'string' },
  message: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

export type Options = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

export function parseCommandLine(argv: readonly string[]): { positionals: string[]; options: Options } {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    return { positionals, options: values };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function resolveToday(options: Options, env: Record<string, string | undefined>): string | undefined {
  const today = options.today ?? env.BACKORDER_DESK_TODAY;
  if (today !== undefined && !isIsoDate(today))
    throw new UsageError(`--today must be a date written YYYY-MM-DD, got "${today}"`);
  return today;
}

export function whole(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`--${flag} must be a whole number, got "${text}"`);
  return Number(text);
}

function amount(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(text.trim()))
    throw new UsageError(`--${flag} must be an amount such as 12.50, got "${text}"`);
  return Number(text);
}

function vocabulary<V extends string>(
  flag: string,
  values: readonly V[],
  text: string | undefined,
): V | undefined {
  if (text === undefined) return undefined;
  const v = matchVocabulary(values, text);
  if (!v) throw new UsageError(`--${flag} must be one of ${values.join(', ')}; got "${text}"`);
  return v;
}

/** Maps `do ACTION` flags to a core command (shared/commands/flags.ts); the shared schema has the last word. */
export function commandFromFlags(action: string, o: Options): Command {
  const fields = Object.hasOwn(COMMAND_FLAGS, action) ? COMMAND_FLAGS[action as Action] : undefined;
  if (!fields) throw new UsageError(`unknown action "${action}"`);
  const raw: Record<string, unknown> = { action };
  const text = o as Record<string, string | undefined>;
  for (const [field, flag, read = 'text', absent] of fields) {
    const given = text[flag];
    const value =
      read === 'whole'
        ? whole(flag, given)
        : read === 'amount'
          ? amount(flag, given)
          : read === 'text'
            ? given
            : vocabulary(flag, read.vocabulary, given);
    if (value !== undefined) raw[field] = value;
    else if (absent !== undefined) raw[field] = absent;
  }
  const parsed = CommandSchema.safeParse(raw);
  if (!parsed.success) {
    const flagOf = (field: string) => `--${fields.find(([f]) => f === field)?.[1] ?? field}`;
    const lines = parsed.error.issues.map((i) => {
      const field = String(i.path[0] ?? '');
      return raw[field] === undefined
        ? `${flagOf(field)} is required`
        : `${flagOf(field)}: ${i.message}, got "${String(raw[field])}"`;
    });
    throw new UsageError(`do ${action}: ${lines.join('; ')}`);
  }
  return parsed.data;
}
