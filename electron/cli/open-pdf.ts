// pdf.js in Node (the command line, tests, benchmarks): the legacy build, with the CMaps and
// standard fonts shipped in pdfjs-dist read from disk, so Chinese PDFs whose fonts are not
// embedded (STSong-Light + UniGB-UCS2-H) still give their text, and nothing is fetched.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { OpenPdf, OpenedPdf } from '../../shared/ingest/pdf/import-pdf';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
// pdf.js reads these in Node with fs.readFile(base + name): plain paths, with the trailing slash.
const directory = (name: string) => join(pdfjsRoot, name, '/');

export const openPdfInNode: OpenPdf = async (data, password) => {
  const task = pdfjs.getDocument({
    data,
    password,
    cMapUrl: directory('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: directory('standard_fonts'),
    wasmUrl: directory('wasm'),
    isEvalSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    return (await task.promise) as unknown as OpenedPdf;
  } catch (error) {
    await task.destroy();
    throw error;
  }
};
