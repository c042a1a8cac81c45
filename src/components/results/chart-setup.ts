// Registers only the chart.js parts the results screen uses.
import {
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  RadialLinearScale,
  Tooltip,
} from 'chart.js';

Chart.register(RadialLinearScale, PointElement, LineElement, Filler, Tooltip, Legend, BarElement, CategoryScale, LinearScale);

export const SERIES_STYLE = {
  current: { border: '#1f4e79', fill: 'rgba(31, 78, 121, 0.18)', dash: [] as number[] },
  previous: { border: '#7b8794', fill: 'rgba(123, 135, 148, 0.08)', dash: [6, 4] },
  target: { border: '#b8860b', fill: 'rgba(0, 0, 0, 0)', dash: [3, 3] },
} as const;

export type SeriesKind = keyof typeof SERIES_STYLE;

/** Charts draw once, without animation, when printing or when the user prefers reduced motion. */
export function animationOff(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce), print').matches;
}
