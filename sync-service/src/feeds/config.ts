/**
 * The sync configuration file (JSON): the vendors whose ETA feeds the sync reads, each with a source,
 * a format and a column mapping (shared/vendor-etas.ts), and, for the scheduled service, the
 * spreadsheets to keep in sync. A bad file is refused with the field named.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import * as z from 'zod/mini';
import { DeskError } from '../../../shared/primitives/errors';
import { VendorFeedSchema } from '../../../shared/vendor-etas';

export const SyncConfigSchema = z.object({
  spreadsheets: z._default(z.array(z.string().check(z.minLength(1))), []),
  vendors: z.array(VendorFeedSchema).check(z.minLength(1)),
});
export type SyncConfig = z.infer<typeof SyncConfigSchema>;

export async function loadSyncConfig(path: string): Promise<SyncConfig & { baseDir: string }> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new DeskError('BAD_INPUT', `${path}: not a readable JSON file (${(e as Error).message})`);
  }
  const parsed = SyncConfigSchema.safeParse(json);
  if (!parsed.success)
    throw new DeskError(
      'BAD_INPUT',
      `${path} is not a valid sync configuration:`,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`),
    );
  return { ...parsed.data, baseDir: dirname(resolve(path)) };
}
