/**
 * The dependency rules of STYLE.md, checked on the source: shared/ imports only zod, date-fns and
 * itself, and touches no clock, process or Apps Script service; addon/ and sync-service/ never
 * import each other.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const imports = (path: string) =>
  [...readFileSync(path, 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1] as string);

describe('architecture', () => {
  it('keeps shared/ pure: zod, date-fns and itself only; no clock, no process, no Apps Script', () => {
    for (const file of files(join(ROOT, 'shared'))) {
      for (const spec of imports(file))
        expect([spec, file]).toSatisfy(([s]: string[]) => /^(zod\/mini|date-fns|\.{1,2}\/)/.test(s ?? ''));
      const text = readFileSync(file, 'utf8');
      expect(text, relative(ROOT, file)).not.toMatch(
        /SpreadsheetApp|LockService|process\.|Date\.now\(\)|new Date\(\)/,
      );
      for (const spec of imports(file).filter((s) => s.startsWith('.')))
        expect(
          join(file, '..', spec).startsWith(join(ROOT, 'shared')),
          `${relative(ROOT, file)} imports ${spec}`,
        ).toBe(true);
    }
  });

  it('keeps addon and sync-service apart', () => {
    for (const file of files(join(ROOT, 'sync-service')))
      expect(imports(file).some((s) => s.includes('addon/'))).toBe(false);
    for (const file of files(join(ROOT, 'addon')))
      expect(imports(file).some((s) => s.includes('sync-service/'))).toBe(false);
  });
});
