// 精细分类、精心帮扶: help groups of a portfolio, from documented rules (docs/programme.md#need-groups).
// Wording of each group: src/content/programme-text.json (group.<id>.title / .description / .help).
import type { CertificationStepId } from './result-types';
import type { PortfolioRow } from './portfolio';

/** A module at or below this level, and below the firm's stage, is weak. */
export const WEAK_LEVEL = 2;
export const TOP_ACTIONS = 5;

export type NeedGroupKind = 'step' | 'weakModule' | 'status';

export interface NeedGroup {
  id: string;
  kind: NeedGroupKind;
  /** The module of a weak-module group. */
  moduleId: string | null;
  count: number;
  firmIds: string[];
  /** Open plan actions most of the group's firms share: at most TOP_ACTIONS, by how many firms' plans hold them. */
  topActions: { actionId: string; firms: number }[];
  /** Keys in programme-text.json, and params for renderText (a weak-module group names its module). */
  text: { title: string; description: string; help: string; params: Record<string, string> };
}

const STEP_GROUP: Record<CertificationStepId, string> = {
  basics: 'basics',
  qmsCertification: 'qms_ready',
  financing: 'financing',
  manufacturingCapability: 'manufacturing',
  excellence: 'excellence',
};
const STEP_IDS = Object.keys(STEP_GROUP) as CertificationStepId[];

/** The group ids a firm belongs to, in a fixed order. */
export function groupsOf(row: PortfolioRow): string[] {
  const a = row.latest;
  if (!a) return ['unassessed'];
  const out: string[] = [];
  if (a.stage === 'insufficient' || a.stage === 'none') out.push('incomplete');
  out.push(STEP_GROUP[a.certificationStep]);
  // Certification is pass or fail and the file does not say whether the firm holds it: a firm the path finds
  // ready for certification is also shown the financing and recognition that certification may open.
  if (a.qmsReady) out.push(STEP_GROUP.financing);
  if (typeof a.stage === 'number') {
    const stage = a.stage;
    for (const [moduleId, level] of Object.entries(a.moduleLevels)) {
      if (level === null || level > stage - 1) continue;
      if (level <= WEAK_LEVEL || a.weakest.includes(moduleId)) out.push(`weak_${moduleId}`);
    }
  }
  return out;
}

function topActions(rows: readonly PortfolioRow[], moduleId: string | null): NeedGroup['topActions'] {
  const counts = new Map<string, number>();
  const prefix = moduleId === null ? '' : `${moduleId}-`;
  for (const r of rows) {
    for (const id of new Set(r.latest?.openActions ?? [])) {
      if (id.startsWith(prefix)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return [...counts]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .slice(0, TOP_ACTIONS)
    .map(([actionId, firms]) => ({ actionId, firms }));
}

/**
 * Every firm in the groups its rules give (a firm may be in several). Groups come in a fixed order: status,
 * certification steps, then weak modules in `moduleIds` order; empty groups are left out.
 */
export function needGroups(rows: readonly PortfolioRow[], moduleIds: readonly string[]): NeedGroup[] {
  const members = new Map<string, PortfolioRow[]>();
  for (const r of rows) {
    for (const g of groupsOf(r)) {
      const list = members.get(g);
      if (list) list.push(r);
      else members.set(g, [r]);
    }
  }
  const order: { id: string; kind: NeedGroupKind; moduleId: string | null }[] = [
    { id: 'unassessed', kind: 'status', moduleId: null },
    { id: 'incomplete', kind: 'status', moduleId: null },
    ...STEP_IDS.map((s) => ({ id: STEP_GROUP[s], kind: 'step' as const, moduleId: null })),
    ...moduleIds.map((m) => ({ id: `weak_${m}`, kind: 'weakModule' as const, moduleId: m })),
  ];
  return order.flatMap(({ id, kind, moduleId }) => {
    const list = members.get(id);
    if (!list) return [];
    const key = kind === 'weakModule' ? 'group.weak_module' : `group.${id}`;
    const params: Record<string, string> = moduleId ? { module: `module:${moduleId}` } : {};
    return [
      {
        id,
        kind,
        moduleId,
        count: list.length,
        firmIds: list.map((r) => r.firmId),
        topActions: topActions(list, moduleId),
        text: { title: `${key}.title`, description: `${key}.description`, help: `${key}.help`, params },
      },
    ];
  });
}
