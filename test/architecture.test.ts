/**
 * The import rules of the house (README "Architecture"), read from the source itself: every
 * relative import, `import type`, re-export and dynamic `import()` of every TypeScript file. What ships (the core, the add-on, the sync service, the
 * local store) never imports the Google stand-in, the playground or a composition root; the core
 * imports only its libraries and touches no clock, process or Apps Script service; only the composition roots (the CLI, npm start) and tests wire the
 * parts together; and no file imports itself through a circle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

/** Each part of the house and the parts it may import (itself always). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  shared: [],
  'addon/src': ['shared'],
  'sync-service/src': ['shared'],
  'local-store': ['shared'],
  twin: ['shared', 'local-store'],
  playground: ['shared', 'twin', 'local-store', 'addon/src'],
  cli: ['shared', 'sync-service/src', 'local-store'],
  start: ['shared', 'sync-service/src', 'local-store', 'twin', 'playground', 'scripts'],
};
const PARTS = Object.keys(MAY_IMPORT);

/** npm packages the core may use (everything else in shared/ is its own code). */
const CORE_PACKAGES = ['zod', 'zod/mini', 'date-fns'];

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mts)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

function partOf(file: string): string | undefined {
  return PARTS.filter((p) => file === p || file.startsWith(`${p}/`)).sort((a, b) => b.length - a.length)[0];
}

/**
 * `import … from '…'` and `export … from '…'` (type-only ones too, over several lines), bare
 * `import '…'` and dynamic `import('…')`. TypeScript 7's compiler has no JavaScript API to ask, and
 * Biome formats every file alike, so statements start a line and name their module in quotes.
 */
const IMPORT =
  /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*'([^']+)'|^\s*import\s*'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm;

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly spec: string;
}

function importsOf(file: string): Edge[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specs = [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3]) as string);
  return specs.map((spec) => {
    if (!spec.startsWith('.')) return { from: file, to: spec, spec };
    const base = relative(root, resolve(dirname(join(root, file)), spec));
    const to = /\.(ts|mjs|js|json)$/.test(base) ? base : `${base}.ts`;
    return { from: file, to, spec };
  });
}

const sources = PARTS.flatMap(filesUnder);
const edges = sources.flatMap(importsOf);

/** Every import that breaks a rule, as "from → spec (why)". */
function violations(rules: Record<string, readonly string[]>): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const from = partOf(e.from) as string;
    if (!e.spec.startsWith('.')) {
      if (from === 'shared' && !CORE_PACKAGES.includes(e.spec))
        out.push(`${e.from} → ${e.spec} (the core imports only ${CORE_PACKAGES.join(', ')})`);
      continue;
    }
    const to = partOf(e.to) ?? e.to.split('/')[0];
    if (to !== from && !(rules[from] ?? []).includes(to as string))
      out.push(`${e.from} → ${e.spec} (${from} may not import ${to})`);
  }
  return out;
}

/**
 * shared/ by kind (README "Architecture"), bottom up: `primitives/` (money, quantities, dates, ids,
 * errors) import nothing else of the core; `sheet/` (columns, cells, the codec, CSV safety) only
 * primitives and the tabs' vocabularies; the domain at the root (workbook, tabs, commands, queue,
 * reports…) decides; `io/` plans what an edge reads and writes for it (scopes, the index tab, search
 * memory, write plans) and `sidebar/` is the sidebar's contract and view model, both above the
 * domain: no file below them imports them.
 */
const BELOW: Record<string, readonly string[]> = {
  'shared/primitives': ['shared/primitives/'],
  'shared/sheet': ['shared/primitives/', 'shared/sheet/', 'shared/tabs/vocabulary.ts'],
};
const ABOVE_DOMAIN = ['shared/io', 'shared/sidebar'];

/**
 * Files of shared/commands/ that are no command: the schema of them all, the Log's undo detail, what
 * a spec is and the CLI flags several actions share.
 */
const SHARED_COMMAND_FILES = [
  'shared/commands/schema.ts',
  'shared/commands/action-detail.ts',
  'shared/commands/spec.ts',
  'shared/commands/flags.ts',
  'shared/commands/form.ts',
];
/** The files that gather every command: the list of specs, and the entry that runs one. */
const COMMAND_LISTS = ['shared/commands/run.ts', 'shared/commands/catalog.ts'];

/** Imports from one command to another, the lists of them and allocate (reused whole) aside. */
function commandCrossings(graph: readonly Edge[]): string[] {
  const command = (f: string) => f.startsWith('shared/commands/') && !SHARED_COMMAND_FILES.includes(f);
  return graph
    .filter(
      (e) =>
        command(e.from) &&
        !COMMAND_LISTS.includes(e.from) &&
        command(e.to) &&
        e.to !== 'shared/commands/allocate.ts',
    )
    .map((e) => `${e.from} → ${e.spec}`);
}

function folderViolations(graph: readonly Edge[]): string[] {
  const above = (file: string) => ABOVE_DOMAIN.find((f) => file.startsWith(`${f}/`));
  const out: string[] = [];
  for (const e of graph) {
    if (!e.from.startsWith('shared/') || !e.spec.startsWith('.')) continue;
    const low = Object.keys(BELOW).find((f) => e.from.startsWith(`${f}/`));
    if (low && !(BELOW[low] ?? []).some((ok) => e.to.startsWith(ok)))
      out.push(`${e.from} → ${e.spec} (${low} imports only ${(BELOW[low] ?? []).join(', ')})`);
    else if (!above(e.from) && above(e.to))
      out.push(`${e.from} → ${e.spec} (the domain at shared/’s root may not import ${above(e.to)})`);
  }
  return out;
}

/** Strongly connected components of more than one file (Tarjan), each as its files. */
function circles(graph: readonly Edge[], files: readonly string[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of graph) if (e.spec.startsWith('.')) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return found;
}

describe('architecture', () => {
  it('reads the imports of every part of the house', () => {
    // The rules below mean nothing if the scan sees nothing: each part has files and imports.
    for (const part of PARTS)
      expect(
        sources.some((f) => partOf(f) === part),
        part,
      ).toBe(true);
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.some((e) => e.from === 'cli/main.ts' && e.to === 'local-store/file-spreadsheet.ts')).toBe(
      true,
    );
  });

  it('keeps every import inside the rules', () => {
    expect(violations(MAY_IMPORT)).toEqual([]);
  });

  it('catches a broken rule (the check is not vacuous)', () => {
    // With the CLI not allowed the local store, its real imports of it are reported.
    const stricter = { ...MAY_IMPORT, cli: ['shared', 'sync-service/src'] };
    expect(violations(stricter).some((v) => v.startsWith('cli/') && v.includes('local-store'))).toBe(true);
  });

  it('keeps the core pure: no clock, no process, no Apps Script service', () => {
    for (const file of sources.filter((f) => partOf(f) === 'shared'))
      expect(readFileSync(join(root, file), 'utf8'), file).not.toMatch(
        /SpreadsheetApp|LockService|process\.|Date\.now\(\)|new Date\(\)/,
      );
  });

  it('keeps shared/’s folders in their order: primitives, sheet, the domain, then io and the sidebar', () => {
    expect(folderViolations(edges)).toEqual([]);
  });

  it('catches a folder importing one above it (the check is not vacuous)', () => {
    const up = { from: 'shared/queue.ts', to: 'shared/io/row-scope.ts', spec: './io/row-scope' };
    const primitive = {
      from: 'shared/primitives/money.ts',
      to: 'shared/sheet/cells.ts',
      spec: '../sheet/cells',
    };
    expect(folderViolations([...edges, up, primitive])).toEqual([
      'shared/queue.ts → ./io/row-scope (the domain at shared/’s root may not import shared/io)',
      'shared/primitives/money.ts → ../sheet/cells (shared/primitives imports only shared/primitives/)',
    ]);
  });

  it('keeps each command to itself: no command imports another but allocate, the composition others reuse', () => {
    expect(commandCrossings(edges)).toEqual([]);
    const back = { from: 'shared/commands/fulfill.ts', to: 'shared/commands/ship.ts', spec: './ship' };
    expect(commandCrossings([...edges, back])).toEqual(['shared/commands/fulfill.ts → ./ship']);
  });

  it('has no import circles', () => {
    expect(circles(edges, sources)).toEqual([]);
  });

  it('finds a circle where there is one (the check is not vacuous)', () => {
    const back = { from: 'shared/backorder.ts', to: 'shared/desk.ts', spec: './desk' };
    const forth = { from: 'shared/desk.ts', to: 'shared/backorder.ts', spec: './backorder' };
    expect(circles([...edges, back, forth], sources)).toEqual([['shared/backorder.ts', 'shared/desk.ts']]);
  });
});
