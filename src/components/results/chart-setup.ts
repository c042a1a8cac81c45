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

/** Options every chart shares: sized by its box; animation off when printing or for reduced motion. */
export function baseOptions(): { responsive: true; maintainAspectRatio: false; animation: false | { duration: number } } {
  return { responsive: true, maintainAspectRatio: false, animation: animationOff() ? false : { duration: 300 } };
}

/** The radars' scale: maturity levels 0–5. */
export const LEVEL_SCALE = {
  min: 0,
  max: 5,
  ticks: { stepSize: 1, backdropColor: 'transparent', font: { size: 11 } },
  pointLabels: { font: { size: 13 } },
};
