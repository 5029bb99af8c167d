/**
 * The page's view of a tab as the playground server sends it (playground/sheet-view.ts), and a tab's
 * chart drawn as SVG, its labels and values set as text (never HTML).
 */
export interface SheetView {
  name: string;
  values: string[][];
  frozen: number;
  owners: string[];
  lists: Record<number, string[]>;
  colors: Record<number, string>;
  /** What each row colour of this tab means. */
  legend: { background: string; meaning: string }[];
  charts: { title: string; labels: string[]; values: number[] }[];
}

export function chartSvg(c: SheetView['charts'][number]): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  const w = 420;
  const h = 200;
  svg.setAttribute('width', String(w));
  svg.setAttribute('height', String(h + 40));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', c.title);
  const max = Math.max(1, ...c.values);
  const bw = w / Math.max(1, c.values.length);
  const title = document.createElementNS(ns, 'text');
  title.setAttribute('x', '0');
  title.setAttribute('y', '14');
  title.textContent = c.title;
  svg.append(title);
  c.values.forEach((v, i) => {
    const bh = (v / max) * (h - 30);
    const rect = document.createElementNS(ns, 'rect');
    rect.setAttribute('x', String(i * bw + 8));
    rect.setAttribute('y', String(h - bh));
    rect.setAttribute('width', String(bw - 16));
    rect.setAttribute('height', String(bh));
    rect.setAttribute('fill', '#4285f4');
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('x', String(i * bw + 8));
    label.setAttribute('y', String(h + 16));
    label.textContent = `${c.labels[i] ?? ''} (${v})`;
    svg.append(rect, label);
  });
  return svg;
}
