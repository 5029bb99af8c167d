/**
 * Fetches one vendor feed and turns it into records: a local file (relative to the config) or an
 * http(s) URL with optional headers; CSV parsed by csv-parse (BOM, CRLF, quoted newlines, `;` or tab
 * delimiters), JSON as an array of objects (or `{ "items": [...] }`). Failures name the vendor.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { DeskError } from '../../../shared/primitives/errors';
import { grouped } from '../../../shared/primitives/quantity';
import type { VendorFeed } from '../../../shared/vendor-etas';

export interface FeedRecords {
  readonly records: Record<string, unknown>[];
  readonly columns: string[];
  /** Feed row number of the first record: 2 under a CSV header, 1 for JSON. */
  readonly firstRow: number;
}

/** A feed larger than this is refused: an ETA feed for open PO lines is kilobytes, not gigabytes. */
export const MAX_FEED_BYTES = 20 * 1024 * 1024;
/** And one with more records than this. */
export const MAX_FEED_ROWS = 100_000;

const tooLarge = () =>
  new Error(`larger than ${MAX_FEED_BYTES / 1024 / 1024} MB, the most a feed may hold; nothing was read`);

async function fetchText(feed: VendorFeed, baseDir: string): Promise<string> {
  if ('file' in feed.source) {
    const path = resolve(baseDir, feed.source.file);
    if ((await stat(path)).size > MAX_FEED_BYTES) throw tooLarge();
    return readFile(path, 'utf8');
  }
  const res = await fetch(feed.source.url, {
    headers: feed.source.headers ?? {},
    signal: AbortSignal.timeout(30_000),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  // Read as a stream, counting bytes: an endless or huge answer is cut off at the cap, not buffered.
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_FEED_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Refuses a feed with more records than MAX_FEED_ROWS. */
function capped(feed: VendorFeed, records: FeedRecords): FeedRecords {
  if (records.records.length > MAX_FEED_ROWS)
    throw new DeskError(
      'BAD_INPUT',
      `${feed.vendor}: the feed has ${grouped(records.records.length)} rows, more than the ${grouped(MAX_FEED_ROWS)} a feed may hold; nothing was applied from it`,
    );
  return records;
}

export async function readFeedRecords(feed: VendorFeed, baseDir: string): Promise<FeedRecords> {
  let body: string;
  try {
    body = await fetchText(feed, baseDir);
  } catch (e) {
    throw new DeskError('BAD_INPUT', `${feed.vendor}: cannot read the feed (${(e as Error).message})`);
  }
  try {
    if (feed.format === 'json') {
      const json = JSON.parse(body) as unknown;
      const items = Array.isArray(json) ? json : (json as { items?: unknown }).items;
      if (!Array.isArray(items) || items.some((i) => typeof i !== 'object' || i === null || Array.isArray(i)))
        throw new Error('expected an array of objects, or { "items": [...] }');
      const records = items as Record<string, unknown>[];
      return capped(feed, {
        records,
        columns: [...new Set(records.flatMap((r) => Object.keys(r)))],
        firstRow: 1,
      });
    }
    const firstLine = body.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    const delimiter = feed.delimiter ?? (firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',');
    const rows = parse(body, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
    const [header = [], ...data] = rows;
    return capped(feed, {
      records: data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))),
      columns: header,
      firstRow: 2,
    });
  } catch (e) {
    if (e instanceof DeskError) throw e;
    throw new DeskError(
      'BAD_INPUT',
      `${feed.vendor}: the feed is not valid ${feed.format.toUpperCase()} (${(e as Error).message})`,
    );
  }
}
