// The 8-module radar: shapes as SVG (vectors, sharp at any zoom), labels as real, searchable text.
import type { MaturityLevel } from '../../domain/types';
import { fill, level2, type ReportContext } from '../format';
import { COLOR, type Content } from '../layout';

const W = 330;
const H = 262;
const R = 92;
const CX = W / 2;
const CY = H / 2;
const SERIES = { current: COLOR.accent, previous: '#7f7f7f', target: '#c0504d' };

function point(i: number, n: number, value: number): [number, number] {
  const a = -Math.PI / 2 + (i * 2 * Math.PI) / n;
  const r = (R * Math.max(0, Math.min(5, value))) / 5;
  return [CX + r * Math.cos(a), CY + r * Math.sin(a)];
}

const pts = (points: [number, number][]) => points.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).join(' ');

/** The chart without text, as an SVG document. */
export function radarSvg(modules: (number | null)[], previous: (number | null)[] | null, target: (number | null)[] | null): string {
  const n = modules.length;
  const poly = (values: (number | null)[]) => pts(values.map((v, i) => point(i, n, v ?? 0)));
  const parts: string[] = [];
  for (let k = 1; k <= 5; k++) {
    parts.push(`<polygon points="${pts(modules.map((_, i) => point(i, n, k)))}" fill="none" stroke="${COLOR.rule}" stroke-width="${k === 5 ? 0.8 : 0.4}"/>`);
  }
  modules.forEach((_, i) => {
    const [x, y] = point(i, n, 5);
    parts.push(`<line x1="${CX}" y1="${CY}" x2="${x.toFixed(2)}" y2="${y.toFixed(2)}" stroke="${COLOR.rule}" stroke-width="0.4"/>`);
  });
  if (target) parts.push(`<polygon points="${poly(target)}" fill="none" stroke="${SERIES.target}" stroke-width="1" stroke-dasharray="4 2"/>`);
  if (previous) parts.push(`<polygon points="${poly(previous)}" fill="none" stroke="${SERIES.previous}" stroke-width="1" stroke-dasharray="2 2"/>`);
  parts.push(`<polygon points="${poly(modules)}" fill="${SERIES.current}" fill-opacity="0.15" stroke="${SERIES.current}" stroke-width="1.6"/>`);
  modules.forEach((v, i) => {
    if (v === null) return;
    const [x, y] = point(i, n, v);
    parts.push(`<circle cx="${x.toFixed(2)}" cy="${y.toFixed(2)}" r="2" fill="${SERIES.current}"/>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join('')}</svg>`;
}

export function radar(ctx: ReportContext): Content {
  const { l, score, input } = ctx;
  const n = score.modules.length;
  const ids = score.modules.map((m) => m.moduleId);
  const before = input.result.comparison ? new Map(input.result.comparison.modules.map((m) => [m.moduleId, m.before])) : null;
  const targets = input.targets?.modules ?? {};
  const hasTargets = Object.keys(targets).length > 0;
  const svg = radarSvg(
    score.modules.map((m) => m.value),
    before ? ids.map((id) => before.get(id) ?? null) : null,
    hasTargets ? ids.map((id) => (targets[id] as MaturityLevel | undefined) ?? null) : null,
  );

  const labelWidth = 84;
  const labels: Content[] = score.modules.map((m, i) => {
    const a = -Math.PI / 2 + (i * 2 * Math.PI) / n;
    const x = CX + (R + 30) * Math.cos(a);
    const y = CY + (R + 17) * Math.sin(a);
    return {
      relativePosition: { x: x - labelWidth / 2, y: y - 10 },
      columns: [{ width: labelWidth, alignment: 'center', text: [{ text: ctx.moduleName(m.moduleId), bold: true, fontSize: 8.5 }, { text: `\n${level2(m.value)}`, fontSize: 7.5, color: COLOR.muted }] }],
    };
  });
  // Ring numbers along the bisector between the first two axes, clear of the labels.
  const rings: Content[] = [1, 2, 3, 4, 5].map((k) => {
    const a = -Math.PI / 2 + Math.PI / n;
    const r = (R * k) / 5;
    return { relativePosition: { x: CX + r * Math.cos(a) - 2, y: CY + r * Math.sin(a) - 9 }, text: String(k), fontSize: 6, color: COLOR.muted };
  });

  const legend: Content[] = [{ text: '■ ', color: SERIES.current }, l.radar_current];
  if (before && input.previous) legend.push({ text: '    ■ ', color: SERIES.previous }, fill(l.radar_previous, { date: input.previous.assessedOn }));
  if (hasTargets) legend.push({ text: '    ■ ', color: SERIES.target }, l.radar_target);

  return {
    unbreakable: true,
    stack: [
      {
        columns: [
          { width: '*', text: '' },
          { width: W, stack: [...labels, ...rings, { svg, width: W, height: H }] },
          { width: '*', text: '' },
        ],
      },
      { text: legend, alignment: 'center', fontSize: 8.5, margin: [0, 4, 0, 2] },
      { text: l.radar_caption, style: 'small', alignment: 'center' },
    ],
  };
}
