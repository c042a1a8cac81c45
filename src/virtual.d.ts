declare module 'virtual:catalogue-summary' {
  const summary: import('./domain/summary').CatalogueSummary;
  export default summary;
}
