// The shape of the gold files (../shared/gold, copied to test/fixtures/gold; RULES.md there),
// which `dossier extract` prints and `dossier eval` scores: one object per document with its
// temporal expressions and its items, offsets into the file as read.
import type { Extraction, NormalizedDate, TemporalKind } from './types';

export interface GoldTemporal {
  text: string;
  start: number;
  kind: TemporalKind;
  normalized: NormalizedDate;
}

export interface GoldItem {
  kind: 'task' | 'commitment';
  quote: string;
  start?: number;
  /** YYYY-MM-DD (the deadline's last day) or null. */
  deadline: string | null;
  deadline_source?: string;
  owners: string[];
  targets: string[];
}

export interface GoldDocument {
  doc: string;
  published: string | null;
  title: string;
  temporal: GoldTemporal[];
  items: GoldItem[];
}

/** What extraction found, in the gold shape (plus what the app also uses: confidence, category, milestones). */
export interface ExtractionReport extends GoldDocument {
  /** Staged goals (一年…三年…五年…), not scored: the gold files leave them out. */
  stages: GoldTemporal[];
  items: (GoldItem & { confidence: number; category: string | null; milestones: string[] })[];
}

export function extractionReport(
  doc: { name: string; title: string; published: string | null },
  extraction: Extraction,
): ExtractionReport {
  return {
    doc: doc.name,
    published: doc.published,
    title: doc.title,
    temporal: extraction.temporal.map((m) => ({
      text: m.text,
      start: m.start,
      kind: m.kind,
      normalized: m.normalized,
    })),
    stages: extraction.stages.map((m) => ({ text: m.text, start: m.start, kind: m.kind, normalized: m.normalized })),
    items: extraction.candidates.map((c) => ({
      kind: c.kind,
      quote: c.quote,
      start: c.start,
      deadline: c.deadline?.normalized.to ?? null,
      ...(c.deadline ? { deadline_source: c.deadline.source } : {}),
      owners: c.owners.map((o) => o.text),
      targets: c.targets.map((t) => t.text),
      confidence: c.confidence,
      category: c.category,
      milestones: c.milestones.flatMap((m) => (m.normalized.to ? [m.normalized.to] : [])),
    })),
  };
}
