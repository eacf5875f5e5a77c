// pdf.js's viewer components read the library from a global; importing ../../pdf/pdfjs first sets it.
import '../../pdf/pdfjs';
export { EventBus, FindState, PDFFindController, PDFLinkService, PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';
