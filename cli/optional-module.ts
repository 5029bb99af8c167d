/**
 * Packages the CLI loads only for one command and an installation may leave out: exceljs, an optional
 * dependency the sync service's container image omits (`npm ci --omit=optional`, Dockerfile), is
 * loaded by `export --format xlsx` alone. Without it that command says so and what to do instead;
 * every other command never loads it.
 */
import { DeskError } from '../shared/primitives/errors';

/** `load()`, or a clear refusal when the package `name` is not installed. */
export async function loadOptional<T>(name: string, what: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    const err = e as { code?: string; message?: string };
    const missing =
      (err.code === 'ERR_MODULE_NOT_FOUND' || err.code === 'MODULE_NOT_FOUND') &&
      String(err.message ?? '').includes(`'${name}'`);
    if (!missing) throw e;
    throw new DeskError(
      'NOT_AVAILABLE',
      `${what} needs the ${name} package, which this installation leaves out (the sync service's container image omits it): export as csv, or run the CLI from a clone after npm ci`,
    );
  }
}
