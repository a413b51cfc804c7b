// The part of pdfmake 0.3's server API Vigil uses (the package ships no types).
declare module 'pdfmake' {
  type Content = unknown;
  interface FontFiles {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  interface OutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMake {
    addFonts(fonts: Record<string, FontFiles>): void;
    setLocalAccessPolicy(allow: (path: string) => boolean): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    createPdf(doc: { content: Content[]; [key: string]: unknown }): OutputDocument;
  }
  const pdfmake: PdfMake;
  export default pdfmake;
}
