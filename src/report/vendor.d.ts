// Types of the untyped packages the report uses: pdfmake 0.3 (the part we call) and brotli.js.
// pdfmake 0.3 ships no types.
declare module 'pdfmake' {
  interface OutputDocument {
    getBuffer(): Promise<Uint8Array>;
  }
  interface PdfMake {
    virtualfs: { writeFileSync(name: string, data: Uint8Array): void };
    setFonts(fonts: Record<string, Record<string, string>>): void;
    setTableLayouts(layouts: Record<string, unknown>): void;
    setUrlAccessPolicy(policy: (url: string) => boolean): void;
    setLocalAccessPolicy?(policy: (path: string) => boolean): void;
    createPdf(doc: Record<string, unknown>): OutputDocument;
  }
  const pdfMake: PdfMake;
  export default pdfMake;
}


// brotli (pure JavaScript Brotli decoder, as used by fontkit for WOFF2).
declare module 'brotli/decompress.js' {
  const decompress: (data: Uint8Array, outputSize?: number) => Uint8Array;
  export default decompress;
}
