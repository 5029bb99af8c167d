/**
 * The page's view of a tab as the playground server sends it (playground/sheet-view.ts), and a tab's
 * charts drawn as SVG as Sheets would draw them: a title, both axes titled, a column chart's bars
 * upright over their labels or a bar chart's lying beside them, each bar's value written at its end.
 * Every label and value is set as text (never HTML).
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
  charts: {
    title: string;
    type: 'COLUMN' | 'BAR';
    labelAxis: string;
    valueAxis: string;
    /** Whether each bar carries its value. */
    valueLabels: boolean;
    labels: string[];
    values: number[];
  }[];
}

const NS = 'http://www.w3.org/2000/svg';

function text(x: number, y: number, content: string, attrs: Record<string, string> = {}): SVGTextElement {
  const t = document.createElementNS(NS, 'text');
  t.setAttribute('x', String(x));
  t.setAttribute('y', String(y));
  t.setAttribute('font-size', '11');
  for (const [k, v] of Object.entries(attrs)) t.setAttribute(k, v);
  t.textContent = content;
  return t;
}

function bar(x: number, y: number, width: number, height: number): SVGRectElement {
  const rect = document.createElementNS(NS, 'rect');
  rect.setAttribute('x', String(x));
  rect.setAttribute('y', String(y));
  rect.setAttribute('width', String(Math.max(0, width)));
  rect.setAttribute('height', String(Math.max(0, height)));
  rect.setAttribute('fill', '#4285f4');
  return rect;
}

export function chartSvg(c: SheetView['charts'][number]): SVGSVGElement {
  const svg = document.createElementNS(NS, 'svg');
  const w = 420;
  // A bar chart is as tall as its bars need (one per vendor); a column chart has a fixed height.
  const n = Math.max(1, c.values.length);
  const h = c.type === 'BAR' ? 28 + 16 + n * 24 + 28 : 240;
  svg.setAttribute('width', String(w));
  svg.setAttribute('height', String(h));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', c.title);
  svg.append(text(0, 14, c.title, { 'font-size': '13', 'font-weight': 'bold' }));
  const max = Math.max(1, ...c.values);
  const shown = (v: number) => (c.valueLabels ? String(Math.round(v * 10) / 10) : '');
  if (c.type === 'COLUMN') {
    // Plot area: y from 40 to 180, labels under it, the label axis title at the bottom.
    const top = 40;
    const bottom = 180;
    const left = 30;
    const bw = (w - left) / n;
    svg.append(
      text(0, (top + bottom) / 2, c.valueAxis, { transform: `rotate(-90 10 ${(top + bottom) / 2})` }),
    );
    c.values.forEach((v, i) => {
      const bh = (v / max) * (bottom - top);
      const x = left + i * bw + 6;
      svg.append(bar(x, bottom - bh, bw - 12, bh));
      svg.append(text(x, bottom - bh - 4, shown(v)));
      svg.append(text(x, bottom + 14, c.labels[i] ?? '', { 'font-size': '10' }));
    });
    svg.append(text(left, h - 8, c.labelAxis, { 'font-style': 'italic' }));
  } else {
    // Bars lying down: labels on the left, values growing right, the value axis title at the bottom.
    const top = 28;
    const left = 160;
    const right = w - 40;
    const bh = 24;
    svg.append(text(0, top + 10, c.labelAxis, { 'font-style': 'italic' }));
    c.values.forEach((v, i) => {
      const y = top + 16 + i * bh;
      const bw = (v / max) * (right - left);
      const label = c.labels[i] ?? '';
      svg.append(text(0, y + bh / 2 + 4, label.length > 26 ? `${label.slice(0, 25)}…` : label));
      svg.append(bar(left, y + 2, bw, bh - 4));
      svg.append(text(left + bw + 4, y + bh / 2 + 4, shown(v)));
    });
    svg.append(text(left, h - 8, c.valueAxis, { 'font-style': 'italic' }));
  }
  return svg;
}
