import type { Candidate, ExtractContext, Extraction } from '../../shared/extract/types';

/** Read a whole document (stored as its suggestions), or describe one passage the analyst is tagging. */
export type ExtractWorkerRequest =
  | { id: number; type: 'extract'; text: string; context: ExtractContext }
  | { id: number; type: 'describe'; text: string; start: number; end: number; context: ExtractContext };

export type ExtractWorkerResponse =
  /** `version`: the EXTRACTOR_VERSION of the rules that ran, stored with the result. */
  | { id: number; extraction: Extraction; version: number }
  | { id: number; passage: Candidate }
  | { id: number; error: string };
