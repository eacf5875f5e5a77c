// One document in, everything extraction reads out: dated expressions and the clauses that
// state tasks or commitments, with their deadlines, owners and targets. (Work in progress.)
import type { ExtractContext, Extraction } from './types';

/** Bumped whenever the rules change, so stored results are recomputed. */
export const EXTRACTOR_VERSION = 1;

export function extractDocument(text: string, context: ExtractContext): Extraction {
  void text;
  void context;
  return { temporal: [], candidates: [] };
}
