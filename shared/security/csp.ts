// One content security policy for the built renderer, in the desktop app and the
// web build alike. Imported documents are rendered as text, never as markup, and
// nothing is fetched from outside: remote images in a scrape stay unfetched.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // pdf.js decodes JPEG 2000 and JBIG2 images (common in scans) with WebAssembly; no JS eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  // Lexical and React set style attributes for formatting.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
