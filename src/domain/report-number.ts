// The report number: a fingerprint of what the assessment says, so a reader can tell two reports
// of the same content from two different assessments. Format: QMM-YYYYMMDD-XXXX-XXXX-XXXX.
import type { Answer, Assessment, Firm } from './types';

/** Bumped only if the canonical content below changes shape (every number would change). */
const CANONICAL_VERSION = 1;

const norm = (s: string) => s.normalize('NFC').trim();

/** The content a report number stands for: what the cover and the answers say, nothing bookkeeping. */
export function reportContent(firm: Firm, assessment: Assessment, answers: readonly Answer[], catalogueVersion: string): unknown {
  const rows = answers
    .filter((a) => a.level !== null || a.notApplicable || norm(a.note) !== '' || norm(a.evidence) !== '')
    .map((a) => ({
      id: a.indicatorId,
      level: a.notApplicable ? null : a.level,
      na: a.notApplicable,
      naReason: a.notApplicable ? norm(a.naReason) : '',
      note: norm(a.note),
      evidence: norm(a.evidence),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    v: CANONICAL_VERSION,
    catalogueVersion,
    firm: {
      name: norm(firm.name),
      creditCode: norm(firm.creditCode).toUpperCase(),
      industry: norm(firm.industry),
      sizeClass: firm.sizeClass,
      district: norm(firm.district),
    },
    assessor: norm(assessment.assessor),
    assessedOn: assessment.assessedOn,
    answers: rows,
  };
}

/** JSON with object keys sorted at every depth: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export async function reportNumber(firm: Firm, assessment: Assessment, answers: readonly Answer[], catalogueVersion: string): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(reportContent(firm, assessment, answers, catalogueVersion)));
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  const hex = Array.from(digest.slice(0, 6), (b) => b.toString(16).padStart(2, '0')).join('').toUpperCase();
  const date = assessment.assessedOn.replace(/-/g, '') || '00000000';
  return `QMM-${date}-${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
}
