/**
 * What every CLI command acts with and prints: its context (the day, the instant, who, the
 * RequestID: fixed by --today and --request-id for reproducible runs), a command's result as the
 * lines a person reads, and the version `--version` prints.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import type { CommandResult } from '../shared/commands/run';
import type { CommandContext } from '../shared/desk';
import { dateInZone, type IsoDate } from '../shared/primitives/dates';
import { type Options, resolveToday } from './args';
import type { Io } from './io';

export function context(options: Options, io: Io, timeZone: string): CommandContext {
  const fixed = resolveToday(options, io.env);
  const clock = new Date();
  const today = (fixed ?? dateInZone(clock, timeZone)) as IsoDate;
  // A fixed day gets a fixed instant too, so runs with --today are reproducible to the byte.
  const now = fixed
    ? `${fixed}T12:00:00.000Z`
    : new Date(Math.floor(clock.getTime() / 1000) * 1000).toISOString();
  const actor = options.actor ?? io.env.BACKORDER_DESK_ACTOR ?? safeUser();
  return { today, now, actor, requestId: options['request-id'] ?? randomUUID() };
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'cli';
  }
}

export function renderResult(result: CommandResult): string {
  const lines = [
    `${result.action}: ${result.applied ? 'done' : 'already applied'} (${result.logId}) ${result.entity}`,
  ];
  for (const m of result.messages) lines.push(`  ${m}`);
  for (const s of result.shortfalls)
    lines.push(
      `  short: ${s.orderId} line ${s.line} ${s.sku}: wanted ${s.wanted}, reserved ${s.reserved} (${s.outcome})`,
    );
  return `${lines.join('\n')}\n`;
}

/** The version in package.json, found up from this module (cli/ from source, dist/cli/ when built). */
export async function packageVersion(): Promise<string> {
  for (const up of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(await readFile(new URL(up, import.meta.url), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'backorder-desk' && pkg.version) return pkg.version;
    } catch {
      // not in this folder: one more up
    }
  }
  return 'unknown';
}
