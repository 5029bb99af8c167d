import { addonCost } from './addon-cost';
const lines = Number(process.argv[2]);
const history = Number(process.argv[3] ?? 0);
void addonCost(lines, history).then((r) => {
  const out = Object.fromEntries(
    Object.entries(r as unknown as Record<string, { calls: number; cellsScanned: number; estimatedSeconds: { central: number } }>).map(
      ([k, v]) => [k, v && typeof v === 'object' && 'cellsScanned' in v ? `${v.estimatedSeconds.central}s scanned ${v.cellsScanned}` : v],
    ),
  );
  console.log(JSON.stringify(out, null, 1));
});
