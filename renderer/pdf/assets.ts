/**
 * Where the app's pdf.js data (CMaps, standard fonts, image decoders) is served: beside the
 * page. A worker knows only its own script's address, so the page works this out and hands
 * it over.
 */
export const pdfAssetsBase = (): string => new URL('pdfjs/', document.baseURI).href;
