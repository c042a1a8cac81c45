// A firm's answers across its assessments as CSV for spreadsheets (Excel, WPS): UTF-8 with BOM, CRLF,
// RFC 4180 quoting, and text that a spreadsheet would run as a formula made inert.
import type { AssessmentRecord } from './file-format';
import type { Answer, Catalogue, Locale } from './types';

/** Header and cell words in the user's language (locales: csv.*). */
export interface CsvLabels {
  module: string;
  indicatorId: string;
  indicator: string;
  level: string;
  naReason: string;
  note: string;
  evidence: string;
  /** Written in the level column of a not-applicable answer. */
  notApplicable: string;
}

export type CsvValue = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: text that starts like a formula gets a leading apostrophe; quoted when needed (RFC 4180). */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text: byte-order mark, CRLF after every row. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((r) => `${r.map(csvCell).join(',')}\r\n`).join('')}`;
}

/** Column titles of each assessment: its date, with a counter when two share a date. */
function assessmentTitles(assessments: readonly AssessmentRecord[]): string[] {
  const seen = new Map<string, number>();
  return assessments.map((a) => {
    const n = (seen.get(a.assessedOn) ?? 0) + 1;
    seen.set(a.assessedOn, n);
    return n === 1 ? a.assessedOn : `${a.assessedOn} (${n})`;
  });
}

/**
 * One row per indicator of the catalogue (then any answered indicator it does not know), columns:
 * module, indicator id, indicator name, then per assessment, oldest first: level, NA reason, note, evidence.
 */
export function firmAnswersCsv(
  catalogue: Pick<Catalogue, 'modules'>,
  assessments: readonly AssessmentRecord[],
  locale: Locale,
  labels: CsvLabels,
): string {
  const ordered = [...assessments].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn) || a.createdAt.localeCompare(b.createdAt));
  const titles = assessmentTitles(ordered);
  const header: CsvValue[] = [labels.module, labels.indicatorId, labels.indicator];
  for (const t of titles) header.push(`${t} ${labels.level}`, `${t} ${labels.naReason}`, `${t} ${labels.note}`, `${t} ${labels.evidence}`);
  const byAssessment = ordered.map((a) => new Map(a.answers.map((ans) => [ans.indicatorId, ans])));
  const cells = (id: string): CsvValue[] =>
    byAssessment.flatMap((answers) => {
      const a: Answer | undefined = answers.get(id);
      if (!a) return [null, null, null, null];
      return [a.notApplicable ? labels.notApplicable : a.level, a.naReason, a.note, a.evidence];
    });

  const rows: CsvValue[][] = [header];
  const known = new Set<string>();
  for (const m of [...catalogue.modules].sort((a, b) => a.order - b.order)) {
    for (const ind of m.indicators) {
      known.add(ind.id);
      rows.push([m.name[locale], ind.id, ind.name[locale], ...cells(ind.id)]);
    }
  }
  const unknown = [...new Set(ordered.flatMap((a) => a.answers.map((ans) => ans.indicatorId)))].filter((id) => !known.has(id)).sort();
  for (const id of unknown) rows.push(['', id, '', ...cells(id)]);
  return toCsv(rows);
}
