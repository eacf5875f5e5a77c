// A large library for the scale benchmark (issue 5): documents of about 2,000 characters made
// from the sample corpus's sentences, with highlights and items over their text, as the
// records the app stores. Deterministic (seeded), so every run measures the same library.
// Items come from the app's own extraction rules where a document states some, and from its
// dated sentences otherwise, so every item has a real passage and a deadline.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeRange } from '../../../shared/anchoring/describe';
import { extractDocument } from '../../../shared/extract/extract';
import { ingest } from '../../../shared/ingest/ingest';
import { documentFromIngest, documentMeta } from '../../../shared/model/document';
import { candidateFields, itemTitle, newItem } from '../../../shared/model/items';
import { newRecordBase } from '../../../shared/model/records';
import type {
  AnnotationRecord,
  DocumentMeta,
  HighlightColor,
  ItemRecord,
  ItemStatus,
} from '../../../shared/model/types';
import { HIGHLIGHT_COLORS, ITEM_STATUSES } from '../../../shared/model/types';
import type { DocumentBody, DocumentOriginal } from '../../../renderer/db/database';
import { prng } from '../random';

export interface GeneratedDocument {
  meta: DocumentMeta;
  body: DocumentBody;
  original: DocumentOriginal;
}

export interface Library {
  documents: GeneratedDocument[];
  annotations: AnnotationRecord[];
  items: ItemRecord[];
}

export interface LibrarySize {
  documents: number;
  annotations: number;
  items: number;
  /** Characters per document, roughly. */
  characters: number;
}

export const FULL_SIZE: LibrarySize = { documents: 10_000, annotations: 100_000, items: 20_000, characters: 2_000 };

const SEEDS = resolve(import.meta.dirname, '../../fixtures/seeds');
const SOURCES = ['北京市发展和改革委员会', '北京日报', '新华网', '北京城市副中心报', '河北日报', '天津日报'];

export function generateLibrary(size: LibrarySize = FULL_SIZE, seed = 20190606): Library {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

  const sentences = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(SEEDS, f), 'utf8').split(/(?<=[。！？])|\n+/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 12 && /[。！？]$/.test(s));

  const documents: GeneratedDocument[] = [];
  const annotations: AnnotationRecord[] = [];
  const items: ItemRecord[] = [];
  const perDocument = Math.ceil(size.annotations / size.documents);
  const itemsPerDocument = Math.ceil(size.items / size.documents);
  const epoch = Date.UTC(2024, 0, 1);

  for (let d = 0; d < size.documents; d++) {
    const year = 2014 + (d % 12);
    const month = 1 + (d % 12);
    const day = 1 + (d % 28);
    const published = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const title = `${pick(['推进京津冀协同发展', '城市副中心建设', '疏解非首都功能', '基层治理'])}工作要点（第${d + 1}号）`;
    let text = `${title}\n来源：${pick(SOURCES)} ${published}\n`;
    while (text.length < size.characters) {
      let paragraph = '';
      while (paragraph.length < 200) paragraph += pick(sentences);
      text += `${paragraph}\n\n`;
    }
    const now = new Date(epoch + d * 1000);
    const outcome = ingest({ name: `library-${d}.txt`, bytes: new TextEncoder().encode(text) });
    if (!outcome.ok) throw new Error(outcome.refusal.message);
    const record = documentFromIngest(outcome.doc, now);
    const meta = documentMeta(record);
    documents.push({
      meta,
      body: { id: record.id, text: record.text, blocks: record.blocks },
      original: { id: record.id, original: record.original },
    });

    const body = record.text;
    const passages = [...body.matchAll(/[^。！？\n]{8,60}[。！？]/g)];
    for (let a = 0; a < perDocument && annotations.length < size.annotations && passages.length > 0; a++) {
      const m = pick(passages);
      annotations.push({
        ...newRecordBase(now),
        documentId: record.id,
        target: describeRange(body, m.index, m.index + m[0].length - 1),
        color: pick(HIGHLIGHT_COLORS) as HighlightColor,
        note: null,
        noteText: random() < 0.3 ? `批注${a}：${m[0].slice(0, 10)}` : '',
        tags: random() < 0.2 ? [pick(['重点', '跟踪', '交通', '生态'])] : [],
        author: '',
      });
    }

    const { candidates, temporal } = extractDocument(body, { published });
    const dated = candidates.filter((c) => c.deadline);
    for (let i = 0; i < itemsPerDocument && items.length < size.items; i++) {
      const candidate = dated[i];
      const status: ItemStatus = pick(ITEM_STATUSES);
      if (candidate) {
        const annotation: AnnotationRecord = {
          ...newRecordBase(now),
          documentId: record.id,
          target: describeRange(body, candidate.start, candidate.end),
          color: candidate.kind === 'commitment' ? 'green' : 'blue',
          note: null,
          noteText: '',
          tags: [],
          author: '',
        };
        annotations.push(annotation);
        items.push(
          newItem(
            { ...candidateFields(candidate), status },
            { documentId: record.id, annotationIds: [annotation.id] },
            now,
          ),
        );
        continue;
      }
      // A document without a dated candidate: an item on a dated sentence, due at that date.
      const mention = temporal.find((t) => t.normalized.to) ?? null;
      const due = mention?.normalized.to ?? `${year}-12-31`;
      const m = pick(passages);
      items.push(
        newItem(
          {
            kind: pick(['task', 'commitment']),
            title: itemTitle(m[0]),
            owners: [
              { asWritten: pick(['市发改委', '市教委', '通州区', '市交通委']), normalized: '', role: 'lead' as const },
            ].map((o) => ({ ...o, normalized: o.asWritten })),
            deadline: { from: due, to: due, precision: 'day', text: mention?.text ?? due, origin: 'context' },
            milestones: [],
            targets: [],
            category: pick(['交通', '生态', '产业', '公共服务', null]),
            tags: [],
            origin: 'suggested',
            status,
          },
          { documentId: record.id, annotationIds: [] },
          now,
        ),
      );
    }
  }
  return { documents, annotations, items };
}
