import { addonInTwin, BENCH_NOW, withProbe } from './bench/addon-twin';
import { BENCH_TODAY, benchWorkbook, withHistory } from './bench/workbooks';
import { applyChanges } from './shared/apply-changes';
import { runCommand } from './shared/commands/run';
import { estimateSeconds } from './twin/apps-script/cost-model';

const [l, h] = process.argv.slice(2).map(Number);
const base = benchWorkbook(l);
const ctx = { today: BENCH_TODAY, now: BENCH_NOW, actor: 'bench', requestId: 'bench-setup' };
const wb = withHistory(
  withProbe(applyChanges(base, runCommand(base, { action: 'allocate' }, ctx).changes)),
  h,
);
const { rt } = await addonInTwin(wb);
for (const f of [{ when: 'due today' }, { when: 'any' }, { when: 'due today', rep: 'Dana Ortiz' }]) {
  rt.counter.reset();
  const rows = rt.run('sidebarList', f) as unknown[];
  console.log(
    JSON.stringify(f),
    rows.length,
    JSON.stringify(rt.counter.counts),
    rt.counter.cells,
    estimateSeconds(rt.counter),
  );
}
