// The search index in memory: segments (segment.ts), which unit is live where, and ranking.
// Plain data in, plain data out: the renderer persists segments in IndexedDB and runs this in
// a worker; the benchmark and tests run it in Node.
//
// A query is a list of words (tokenize.ts parseQuery). A unit matches when it holds every
// word: a CJK word all of its bigrams (a single character: itself or any bigram holding it),
// a Latin word its term (the last word of the query also any term it begins, as the analyst
// is still typing). Hits are ranked by BM25 (k1 1.2, b 0.75), document length measured
// against the average of the unit's kind, so short items and long documents rank fairly;
// title words count three times, and a unit holding a phrase whole (协同发展 typed as one
// run, not only 协同 and 发展 apart) ranks higher.
import {
  buildSegment,
  mergeSegments,
  mergeSteps,
  Segment,
  type IndexedUnit,
  type UnitInfo,
  type UnitKind,
} from './segment';
import { termFrequencies, type ParsedQuery, type QueryWord } from './tokenize';

/** Bump when tokenizing or the stored shape changes: a stored index of an older version is rebuilt. */
export const SEARCH_INDEX_VERSION = 1;

const K1 = 1.2;
const B = 0.75;
/** A term the last Latin word only begins (plann… → planning) counts this much. */
const PREFIX_WEIGHT = 0.7;
const PREFIX_EXPANSIONS = 64;
/** How much a phrase found whole adds (its bigrams' BM25, times this). */
const PHRASE_WEIGHT = 0.5;
/** Merge segments once this many fall in one size tier (sizes ×4 apart). */
const MERGE_FACTOR = 4;

/** What a unit is made of: fields of text with the weight their words count with. */
export interface UnitInput {
  key: string;
  info: UnitInfo;
  fields: { text: string; weight: number }[];
}

export interface SearchFilters {
  kinds?: readonly UnitKind[];
  /** Documents from this source (notes and items: whose document is). */
  site?: string;
  /** Published on or after / before (YYYY-MM-DD), by the document's publication date. */
  from?: string;
  to?: string;
  /** Notes and items carrying this tag. */
  tag?: string;
}

export interface ScoredHit {
  key: string;
  info: UnitInfo;
  score: number;
}

export interface SearchResult {
  hits: ScoredHit[];
  /** How many units matched (hits holds the best `limit`). */
  total: number;
}

/** Turns a unit's fields into indexed terms. */
export function indexUnit(input: UnitInput): IndexedUnit {
  const tf = new Map<string, number>();
  let length = 0;
  for (const field of input.fields) {
    if (!field.text) continue;
    const before = sum(tf);
    termFrequencies(field.text, field.weight, tf);
    length += sum(tf) - before;
  }
  return { key: input.key, info: input.info, length, tf };
}

const sum = (map: Map<string, number>) => {
  let total = 0;
  for (const v of map.values()) total += v;
  return total;
};

interface Alternative {
  ordinals: number[];
  weight: number;
}

export class SearchEngine {
  private readonly segments = new Map<number, Segment>();
  private readonly live = new Map<string, { segment: Segment; unit: number }>();
  private readonly stats: Record<UnitKind, { count: number; length: number }> = {
    document: { count: 0, length: 0 },
    note: { count: 0, length: 0 },
    item: { count: 0, length: 0 },
  };

  /** Live units in the index. */
  get size(): number {
    return this.live.size;
  }

  get segmentCount(): number {
    return this.segments.size;
  }

  allSegments(): Segment[] {
    return [...this.segments.values()];
  }

  has(key: string): boolean {
    return this.live.has(key);
  }

  info(key: string): UnitInfo | undefined {
    const at = this.live.get(key);
    return at?.segment.units[at.unit]!.info;
  }

  /** Every live unit's info (for quick-open and facets). */
  *infos(): Generator<UnitInfo> {
    for (const { segment, unit } of this.live.values()) yield segment.units[unit]!.info;
  }

  countByKind(): Record<UnitKind, number> {
    return { document: this.stats.document.count, note: this.stats.note.count, item: this.stats.item.count };
  }

  /** Adds a stored segment (loading); `deleted` are its units deleted since it was written. */
  addSegment(segment: Segment, deleted: readonly number[] = []): void {
    for (const n of deleted) segment.deleted.add(n);
    this.segments.set(segment.id, segment);
    segment.units.forEach((unit, n) => {
      if (segment.deleted.has(n)) return;
      // A key live in two segments (a write interrupted in another window) keeps its newer version.
      const previous = this.live.get(unit.key);
      if (previous && previous.segment.id > segment.id) {
        segment.deleted.add(n);
        return;
      }
      if (previous) this.unlink(unit.key);
      this.link(unit.key, segment, n);
    });
  }

  /**
   * Indexes units (new, or new versions replacing the indexed ones) into a new segment with this
   * id. Returns it (null when nothing was given) and the older segments in which units were
   * marked deleted (their deletions must be stored).
   */
  upsert(id: number, inputs: readonly UnitInput[]): { segment: Segment | null; touched: Segment[] } {
    const latest = new Map<string, UnitInput>();
    for (const input of inputs) latest.set(input.key, input);
    if (latest.size === 0) return { segment: null, touched: [] };
    const touched = this.remove([...latest.keys()]);
    const segment = buildSegment(id, [...latest.values()].map(indexUnit));
    this.segments.set(id, segment);
    segment.units.forEach((unit, n) => this.link(unit.key, segment, n));
    return { segment, touched };
  }

  /** Removes units; returns the segments whose deletions changed. */
  remove(keys: readonly string[]): Segment[] {
    const touched = new Set<Segment>();
    for (const key of keys) {
      const at = this.live.get(key);
      if (!at) continue;
      this.unlink(key);
      at.segment.deleted.add(at.unit);
      touched.add(at.segment);
    }
    return [...touched];
  }

  /**
   * Segments worth merging: four or more of about the same size (tiers ×4 apart), or a segment
   * more than half deleted (with the others of its tier). Null when none.
   */
  planMerge(): Segment[] | null {
    const tiers = new Map<number, Segment[]>();
    for (const segment of this.segments.values()) {
      const tier = Math.floor(Math.log2(Math.max(1, segment.data.length / 1024)) / 2);
      tiers.set(tier, [...(tiers.get(tier) ?? []), segment]);
    }
    for (const members of tiers.values()) {
      const wasteful = members.some((s) => s.deleted.size > 0 && s.deleted.size * 2 >= s.units.length);
      if (members.length >= MERGE_FACTOR || (wasteful && (members.length > 1 || members[0]!.units.length > 0))) {
        return members.sort((a, b) => a.id - b.id);
      }
    }
    return null;
  }

  /** Replaces `sources` by one segment with this id holding their live units. */
  merge(id: number, sources: readonly Segment[]): Segment {
    return this.replace(mergeSegments(id, sources), sources);
  }

  /**
   * `merge` in steps (shared/search/segment.ts `mergeSteps`): searches between steps see the
   * sources, the last step swaps in the merged segment. Nothing may be indexed or removed
   * between steps; a caller that must do so abandons the steps and merges again later.
   */
  *mergeInSteps(id: number, sources: readonly Segment[]): Generator<void, Segment, void> {
    return this.replace(yield* mergeSteps(id, sources), sources);
  }

  private replace(merged: Segment, sources: readonly Segment[]): Segment {
    const id = merged.id;
    for (const source of sources) this.segments.delete(source.id);
    // A merge of nothing but deleted units leaves no segment.
    if (merged.units.length) this.segments.set(id, merged);
    merged.units.forEach((unit, n) => this.live.set(unit.key, { segment: merged, unit: n }));
    return merged;
  }

  clear(): void {
    this.segments.clear();
    this.live.clear();
    for (const stat of Object.values(this.stats)) {
      stat.count = 0;
      stat.length = 0;
    }
  }

  private link(key: string, segment: Segment, unit: number): void {
    const stored = segment.units[unit]!;
    this.live.set(key, { segment, unit });
    const stat = this.stats[stored.info.kind];
    stat.count++;
    stat.length += stored.length;
  }

  private unlink(key: string): void {
    const at = this.live.get(key);
    if (!at) return;
    const stored = at.segment.units[at.unit]!;
    this.live.delete(key);
    const stat = this.stats[stored.info.kind];
    stat.count--;
    stat.length -= stored.length;
  }

  /** Whether a unit passes the filters (notes and items by their document's source and date). */
  passes(info: UnitInfo, filters: SearchFilters): boolean {
    if (filters.kinds?.length && !filters.kinds.includes(info.kind)) return false;
    if (filters.tag && !(info.tags ?? []).includes(filters.tag)) return false;
    if (!filters.site && !filters.from && !filters.to) return true;
    const doc = info.kind === 'document' ? info : info.documentId ? this.info(`d:${info.documentId}`) : undefined;
    if (!doc) return false;
    if (filters.site && doc.site !== filters.site) return false;
    if (filters.from || filters.to) {
      const published = doc.published;
      if (!published) return false;
      if (filters.from && published.to < filters.from) return false;
      if (filters.to && published.from > filters.to) return false;
    }
    return true;
  }

  /**
   * The units holding every word, best first. With no words, the units passing the filters
   * (newest document first). `prefix`: the last Latin word also finds terms it begins.
   */
  search(
    query: ParsedQuery,
    filters: SearchFilters = {},
    options: { limit?: number; prefix?: boolean } = {},
  ): SearchResult {
    const { words, phrases } = query;
    const limit = options.limit ?? 50;
    const hits: ScoredHit[] = [];
    if (words.length === 0) {
      if (!filters.kinds?.length && !filters.site && !filters.from && !filters.to && !filters.tag) {
        return { hits: [], total: 0 };
      }
      for (const [key, { segment, unit }] of this.live) {
        const info = segment.units[unit]!.info;
        if (this.passes(info, filters)) hits.push({ key, info, score: 0 });
      }
      const date = (hit: ScoredHit) =>
        (hit.info.kind === 'document' ? hit.info : this.info(`d:${hit.info.documentId}`))?.published?.from ?? '';
      hits.sort((a, b) => date(b).localeCompare(date(a)) || a.info.title.localeCompare(b.info.title));
      return { hits: hits.slice(0, limit), total: hits.length };
    }

    const df = new Map<string, number>();
    const docFrequency = (term: string) => {
      let n = df.get(term);
      if (n === undefined) {
        n = 0;
        for (const segment of this.segments.values()) {
          const ordinal = segment.ordinal(term);
          if (ordinal >= 0) n += segment.counts[ordinal]!;
        }
        df.set(term, n);
      }
      return n;
    };
    const total = Math.max(1, this.live.size);
    const idf = (term: string) => {
      const n = docFrequency(term);
      return Math.log(1 + (total - n + 0.5) / (n + 0.5));
    };
    const average: Record<UnitKind, number> = {
      document: this.stats.document.length / Math.max(1, this.stats.document.count) || 1,
      note: this.stats.note.length / Math.max(1, this.stats.note.count) || 1,
      item: this.stats.item.length / Math.max(1, this.stats.item.count) || 1,
    };

    for (const segment of this.segments.values()) {
      const norms = (unit: number) => {
        const stored = segment.units[unit]!;
        return K1 * (1 - B + (B * stored.length) / average[stored.info.kind]);
      };
      let candidates: Map<number, number> | null = null;
      const lastLatin = words.findLastIndex((w) => !w.cjk);
      for (let w = 0; w < words.length; w++) {
        const word = words[w]!;
        const alternatives = this.alternatives(segment, word, options.prefix === true && w === lastLatin);
        const scores = new Map<number, number>();
        for (const alternative of alternatives) {
          for (const [unit, score] of this.score(segment, alternative, idf, norms, candidates)) {
            if (score > (scores.get(unit) ?? 0)) scores.set(unit, score);
          }
        }
        if (candidates) {
          const next = new Map<number, number>();
          for (const [unit, score] of scores) {
            const before = candidates.get(unit);
            if (before !== undefined) next.set(unit, before + score);
          }
          candidates = next;
        } else candidates = scores;
        if (candidates.size === 0) break;
      }
      if (candidates?.size) {
        for (const phrase of phrases) {
          const ordinals = phrase.terms.map((t) => segment.ordinal(t));
          if (ordinals.some((o) => o < 0)) continue;
          const alternative = { ordinals, weight: PHRASE_WEIGHT };
          for (const [unit, bonus] of this.score(segment, alternative, idf, norms, candidates)) {
            candidates.set(unit, candidates.get(unit)! + bonus);
          }
        }
      }
      for (const [unit, score] of candidates ?? []) {
        if (segment.deleted.has(unit)) continue;
        const stored = segment.units[unit]!;
        if (!this.passes(stored.info, filters)) continue;
        hits.push({ key: stored.key, info: stored.info, score });
      }
    }
    hits.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
    return { hits: hits.slice(0, limit), total: hits.length };
  }

  /** The ways a word can be found in a segment: sets of terms a unit must all hold, and their weight. */
  private alternatives(segment: Segment, word: QueryWord, prefix: boolean): Alternative[] {
    if (!word.cjk) {
      const term = word.terms[0]!;
      const out: Alternative[] = [];
      const exact = segment.ordinal(term);
      if (exact >= 0) out.push({ ordinals: [exact], weight: 1 });
      if (prefix) {
        for (const ordinal of segment.withPrefix(word.text, PREFIX_EXPANSIONS)) {
          if (ordinal !== exact) out.push({ ordinals: [ordinal], weight: PREFIX_WEIGHT });
        }
      }
      return out;
    }
    const chars = [...word.text];
    if (chars.length === 1) {
      // One character: on its own, or in any bigram (at either end).
      const char = word.text;
      const ordinals = new Set(segment.withPrefix(char));
      for (const o of segment.matching((t) => t !== char && t.endsWith(char))) ordinals.add(o);
      return [...ordinals].map((ordinal) => ({ ordinals: [ordinal], weight: 1 }));
    }
    const ordinals = word.terms.map((t) => segment.ordinal(t));
    return ordinals.some((o) => o < 0) ? [] : [{ ordinals, weight: 1 }];
  }

  /** BM25 of the units holding every term of an alternative (within `within`, when given). */
  private score(
    segment: Segment,
    alternative: Alternative,
    idf: (term: string) => number,
    norm: (unit: number) => number,
    within: Map<number, number> | null,
  ): Map<number, number> {
    const lists = alternative.ordinals
      .map((ordinal) => ({ ordinal, count: segment.counts[ordinal]! }))
      .sort((a, b) => a.count - b.count);
    let scores: Map<number, number> | null = null;
    for (const { ordinal } of lists) {
      const weight = alternative.weight * idf(segment.terms[ordinal]!);
      const { units, tfs } = segment.postings(ordinal);
      const next = new Map<number, number>();
      for (let i = 0; i < units.length; i++) {
        const unit = units[i]!;
        if (within && !within.has(unit)) continue;
        const before: number | undefined = scores ? scores.get(unit) : 0;
        if (before === undefined) continue;
        const tf = tfs[i]!;
        next.set(unit, before + (weight * tf * (K1 + 1)) / (tf + norm(unit)));
      }
      scores = next;
      if (scores.size === 0) break;
    }
    return scores ?? new Map();
  }
}
