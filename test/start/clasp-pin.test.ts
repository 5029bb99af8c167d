/**
 * clasp is pinned in one place: tools/clasp's package.json and lockfile hold the version the README
 * names, and every script that pushes goes through scripts/clasp.mjs, which installs exactly that.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const json = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));

describe('clasp pin', () => {
  it('names one version in the tool’s manifest, its lockfile and the README', () => {
    const pinned = json('tools/clasp/package.json').dependencies['@google/clasp'];
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(json('tools/clasp/package-lock.json').packages['node_modules/@google/clasp'].version).toBe(pinned);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(`clasp ${pinned} is pinned`);
  });

  it('pushes only through the pinned clasp', () => {
    const scripts: Record<string, string> = json('package.json').scripts;
    for (const name of ['push', 'push:prod', 'clasp'])
      expect(scripts[name], name).toContain('node scripts/clasp.mjs');
    expect(Object.values(scripts).join('\n')).not.toContain('npx');
    expect(json('package.json').devDependencies?.['@google/clasp']).toBeUndefined();
  });
});
