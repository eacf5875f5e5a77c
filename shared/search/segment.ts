// An immutable piece of the search index (a segment, as in Lucene): the units it holds (a
// document, a note or an item each), and for every term the units it occurs in and how often,
// sorted by term. Postings are varint-coded (unit number as a delta, then the frequency), so a
// library of 10,000 documents fits in a few tens of megabytes and loads from IndexedDB as a few
// typed arrays, with nothing to parse. A unit that is edited or deleted is only marked deleted
// in its segment; merging segments drops it.

export type UnitKind = 'document' | 'note' | 'item';

/** What a hit shows and filters on; stored with the unit (plain data). */
export interface UnitInfo {
  kind: UnitKind;
  /** The record's id (document, annotation or item). */
  id: string;
  /** A document's title, an item's title, a note's first words. */
  title: string;
  /** The document it belongs to (a document: itself). */
  documentId: string | null;
  /** Notes: the annotation; items: their first passage. */
  annotationId?: string | null;
  /** Documents: the source site and publication date (notes and items use their document's). */
  site?: string | null;
  published?: { from: string; to: string } | null;
  tags?: string[];
  /** Items: their owners by normalised name, with the names they are written as. */
  owners?: { name: string; written: string[] }[];
  /** Items: their kind id and status. */
  itemKind?: string;
  status?: string;
  /** Notes: the highlight's colour. */
  color?: string;
}

export interface StoredUnit {
  key: string;
  /** Weighted number of terms (BM25's document length). */
  length: number;
  info: UnitInfo;
}

/** A unit as the indexer hands it over: its terms and their (weighted) frequencies. */
export interface IndexedUnit extends StoredUnit {
  tf: Map<string, number>;
}

/** A segment as stored (structured-clone friendly: strings, plain objects and typed arrays). */
export interface SerializedSegment {
  id: number;
  units: StoredUnit[];
  /** The sorted terms joined by '\n' (terms never hold white space). */
  terms: string;
  /** How many units each term occurs in. */
  counts: Uint32Array;
  /** Where each term's postings start in `data`; one more entry than terms. */
  offsets: Uint32Array;
  data: Uint8Array;
}

export interface Postings {
  units: Uint32Array;
  tfs: Uint32Array;
}

class ByteWriter {
  bytes = new Uint8Array(1 << 12);
  length = 0;
  varint(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + 5));
      grown.set(this.bytes);
      this.bytes = grown;
    }
    let v = value >>> 0;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.bytes[this.length++] = v;
  }
  done(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

export class Segment {
  readonly id: number;
  readonly units: StoredUnit[];
  readonly terms: string[];
  readonly counts: Uint32Array;
  readonly offsets: Uint32Array;
  readonly data: Uint8Array;
  /** Units edited or deleted since the segment was written. */
  readonly deleted = new Set<number>();

  /** From its stored form, or (building, merging) with its terms already as a list. */
  constructor(stored: SerializedSegment | (Omit<SerializedSegment, 'terms'> & { terms: string[] })) {
    this.id = stored.id;
    this.units = stored.units;
    this.terms = typeof stored.terms !== 'string' ? stored.terms : stored.terms ? stored.terms.split('\n') : [];
    this.counts = stored.counts;
    this.offsets = stored.offsets;
    this.data = stored.data;
  }

  serialize(): SerializedSegment {
    const { id, units, counts, offsets, data } = this;
    return { id, units, terms: this.terms.join('\n'), counts, offsets, data };
  }

  get liveUnits(): number {
    return this.units.length - this.deleted.size;
  }

  /** The ordinal of a term, or -1. */
  ordinal(term: string): number {
    let lo = 0;
    let hi = this.terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.terms[mid]!;
      if (t === term) return mid;
      if (t < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The ordinals of the terms starting with `prefix` (at most `limit`). */
  withPrefix(prefix: string, limit = Infinity): number[] {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < this.terms.length && out.length < limit && this.terms[i]!.startsWith(prefix); i++) out.push(i);
    return out;
  }

  /** Ordinals of the terms for which `test` holds (a scan of the dictionary). */
  matching(test: (term: string) => boolean): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.terms.length; i++) if (test(this.terms[i]!)) out.push(i);
    return out;
  }

  postings(ordinal: number): Postings {
    const count = this.counts[ordinal]!;
    const units = new Uint32Array(count);
    const tfs = new Uint32Array(count);
    const data = this.data;
    let at = this.offsets[ordinal]!;
    let unit = 0;
    for (let i = 0; i < count; i++) {
      let value = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = data[at++]!;
        value |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      unit += value;
      value = 0;
      shift = 0;
      do {
        byte = data[at++]!;
        value |= (byte & 0x7f) << shift;
        shift += 7;
      } while (byte & 0x80);
      units[i] = unit;
      tfs[i] = value;
    }
    return { units, tfs };
  }

  /** Postings of all terms in order, for merging. */
  *entries(): Generator<[string, Postings]> {
    for (let i = 0; i < this.terms.length; i++) yield [this.terms[i]!, this.postings(i)];
  }
}

class GrowingArray {
  values = new Uint32Array(1 << 14);
  length = 0;
  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }
}

/** A new segment of freshly indexed units (numbered in the order given). */
export function buildSegment(id: number, units: readonly IndexedUnit[]): Segment {
  // Every (term, unit, frequency) in typed arrays, then placed term by term (a counting sort).
  const ids = new Map<string, number>();
  const names: string[] = [];
  const termOf = new GrowingArray();
  const unitOf = new GrowingArray();
  const tfOf = new GrowingArray();
  units.forEach((unit, n) => {
    for (const [term, tf] of unit.tf) {
      let termId = ids.get(term);
      if (termId === undefined) {
        termId = names.length;
        ids.set(term, termId);
        names.push(term);
      }
      termOf.push(termId);
      unitOf.push(n);
      tfOf.push(Math.min(tf, 0xffff));
    }
  });
  const sorted = [...names].sort();
  const rank = new Uint32Array(names.length);
  for (let r = 0; r < sorted.length; r++) rank[ids.get(sorted[r]!)!] = r;
  const counts = new Uint32Array(names.length);
  for (let i = 0; i < termOf.length; i++) counts[rank[termOf.values[i]!]!]!++;
  const starts = new Uint32Array(names.length + 1);
  for (let r = 0; r < names.length; r++) starts[r + 1] = starts[r]! + counts[r]!;
  const fill = starts.slice(0, names.length);
  const placedUnits = new Uint32Array(termOf.length);
  const placedTfs = new Uint32Array(termOf.length);
  for (let i = 0; i < termOf.length; i++) {
    const r = rank[termOf.values[i]!]!;
    const at = fill[r]!++;
    placedUnits[at] = unitOf.values[i]!;
    placedTfs[at] = tfOf.values[i]!;
  }
  const offsets = new Uint32Array(names.length + 1);
  const writer = new ByteWriter();
  for (let r = 0; r < names.length; r++) {
    offsets[r] = writer.length;
    let previous = 0;
    for (let at = starts[r]!; at < starts[r + 1]!; at++) {
      writer.varint(placedUnits[at]! - previous);
      writer.varint(placedTfs[at]!);
      previous = placedUnits[at]!;
    }
  }
  offsets[names.length] = writer.length;
  return new Segment({
    id,
    units: units.map(({ key, length, info }) => ({ key, length, info })),
    terms: sorted,
    counts,
    offsets,
    data: writer.done(),
  });
}

/**
 * One segment holding the live units of `segments`, in their order (their deleted units
 * dropped), term by term without ever holding all postings in memory at once.
 */
export function mergeSegments(id: number, segments: readonly Segment[]): Segment {
  const steps = mergeSteps(id, segments);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** Postings (and terms) merged between two pauses of `mergeSteps`: a few milliseconds of work. */
const WORK_PER_STEP = 100_000;

/**
 * `mergeSegments` in steps: it pauses (yields) every few thousand terms, so a caller can
 * answer searches between steps instead of holding its thread for the whole merge (merging
 * 10,000 documents' segments takes about a second). The segments must not change meanwhile.
 */
export function* mergeSteps(id: number, segments: readonly Segment[]): Generator<void, Segment, void> {
  const units: StoredUnit[] = [];
  const remaps = segments.map((segment) => {
    const remap = new Int32Array(segment.units.length).fill(-1);
    segment.units.forEach((unit, n) => {
      if (segment.deleted.has(n)) return;
      remap[n] = units.length;
      units.push(unit);
    });
    return remap;
  });
  // The sources' dictionaries are sorted: walk them side by side (a k-way merge), one term at a time.
  const cursors = segments.map(() => 0);
  const bound = segments.reduce((sum, segment) => sum + segment.terms.length, 0);
  const counts = new Uint32Array(bound);
  const offsets = new Uint32Array(bound + 1);
  const writer = new ByteWriter();
  let kept = 0;
  const keptTerms: string[] = [];
  yield;
  for (let work = 0; ; work++) {
    if (work >= WORK_PER_STEP) {
      work = 0;
      yield;
    }
    let term: string | undefined;
    segments.forEach((segment, s) => {
      const candidate = segment.terms[cursors[s]!];
      if (candidate !== undefined && (term === undefined || candidate < term)) term = candidate;
    });
    if (term === undefined) break;
    const start = writer.length;
    let count = 0;
    let previous = 0;
    segments.forEach((segment, s) => {
      const i = cursors[s]!;
      if (segment.terms[i] !== term) return;
      cursors[s] = i + 1;
      const { units: docs, tfs } = segment.postings(i);
      const remap = remaps[s]!;
      work += docs.length;
      for (let j = 0; j < docs.length; j++) {
        const to = remap[docs[j]!]!;
        if (to < 0) continue;
        writer.varint(to - previous);
        writer.varint(tfs[j]!);
        previous = to;
        count++;
      }
    });
    if (count === 0) {
      writer.length = start;
      continue;
    }
    keptTerms.push(term);
    offsets[kept] = start;
    counts[kept] = count;
    kept++;
  }
  offsets[kept] = writer.length;
  const data = writer.done();
  yield;
  return new Segment({
    id,
    units,
    terms: keptTerms,
    counts: counts.slice(0, kept),
    offsets: offsets.slice(0, kept + 1),
    data,
  });
}
