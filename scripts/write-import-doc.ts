/**
 * Writes docs/import.md from the column tables (shared/bulk/import-doc.ts): `npm run docs:import` after a
 * change to a tab's columns; test/shared/import-doc.test.ts fails until it is run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importDoc } from '../shared/bulk/import-doc';

writeFileSync(join(import.meta.dirname, '..', 'docs', 'import.md'), importDoc());
