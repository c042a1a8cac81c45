/** Rows of a table grouped by their assessment, in the order read. */
export function groupByAssessment<R extends { assessmentId: string }>(rows: readonly R[]): Map<string, R[]> {
  const out = new Map<string, R[]>();
  for (const r of rows) {
    const list = out.get(r.assessmentId);
    if (list) list.push(r);
    else out.set(r.assessmentId, [r]);
  }
  return out;
}
