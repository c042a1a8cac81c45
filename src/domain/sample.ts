/** Records of the sample portfolio (scripts/sample/generate-portfolio.ts) carry ids with this prefix. */
export const SAMPLE_ID_PREFIX = 'sample-';

export function isSampleId(id: string): boolean {
  return id.startsWith(SAMPLE_ID_PREFIX);
}
