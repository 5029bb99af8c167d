/**
 * Every path of this repository that README.md and docs/ name exists, so a newcomer who follows one
 * finds the file: a path is a word that starts with one of the repository's top-level folders
 * (`shared/io/row-scope.ts`, `test/support/`), braces expanded (`sidebar.{html,ts}`). What `npm start`
 * makes (`demo/`, ignored by git) is made, not kept, and a path inside another repository is written
 * with that repository's name in front (`gas-fakes/test/…`), so neither is one of ours.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const FOLDERS = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules')
  .map((d) => d.name)
  .filter((name) => existsSync(join(root, name)));
/**
 * Made by `npm start` on first run or by a build (.gitignore), described by the README before they
 * exist: a fresh clone has them only once `npm ci`, `npm start` or a test that builds has run.
 */
const MADE = ['demo/', 'dist/', 'addon/dist/'];

const DOCUMENTS = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** The repository paths a Markdown text names, braces expanded. */
function pathsIn(text: string, folders: readonly string[]): string[] {
  const word = new RegExp(`(?<![\\w./@-])((?:${folders.join('|')})/[\\w./{},-]*[\\w/}])`, 'g');
  return [...text.matchAll(word)].flatMap((m) => {
    const path = m[1] as string;
    const brace = /\{([^}]*)\}/.exec(path);
    if (!brace) return [path];
    return (brace[1] as string).split(',').map((alt) => path.replace(brace[0], alt));
  });
}

describe('README.md and docs/', () => {
  it('name only paths that exist', () => {
    const missing = DOCUMENTS.flatMap((doc) =>
      pathsIn(readFileSync(join(root, doc), 'utf8'), FOLDERS)
        .filter((p) => !MADE.some((m) => p.startsWith(m)) && !existsSync(join(root, p)))
        .map((p) => `${doc}: ${p}`),
    );
    expect(missing).toEqual([]);
  });

  it('finds the paths a text names, and only ours', () => {
    expect(
      pathsIn(
        'see `shared/io/row-scope.ts`, addon/src/ui/sidebar.{html,css} and (`gas-fakes/test/x.js`); test/support/',
        ['shared', 'addon', 'test'],
      ),
    ).toEqual([
      'shared/io/row-scope.ts',
      'addon/src/ui/sidebar.html',
      'addon/src/ui/sidebar.css',
      'test/support/',
    ]);
  });
});
