declare module 'virtual:catalogue-summary' {
  const summary: import('./domain/summary').CatalogueSummary;
  export default summary;
}

declare module 'virtual:report-fonts' {
  /** Noto Sans SC cut to the common characters (scripts/fonts/common-chars.ts). */
  export const regularUrl: string;
  export const boldUrl: string;
  /** The whole fonts, fetched only when a text has a character outside the common set. */
  export const fullRegularUrl: string;
  export const fullBoldUrl: string;
  /** Code point ranges the whole Noto Sans SC has. */
  export const fullCoverage: [number, number][];
}
