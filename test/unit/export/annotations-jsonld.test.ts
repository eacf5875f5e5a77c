// Highlights and notes as W3C Web Annotation JSON-LD, checked against the W3C test suite's
// JSON Schemas (web-annotation-model.ts): every MUST of the annotation, collection and page tests,
// plus the optional features we claim (selectors, created, creator, motivation, bodies). The
// checker is shown to fail on the suite's own incorrect samples and on a broken annotation.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ANNOTATION_CONTEXT,
  annotationsJsonLd,
  itemsByAnnotation,
  noteLanguage,
  type AnnotationExportInput,
} from '../../../shared/export/annotations-jsonld';
import { surrogatePairEnds } from '../../../shared/export/code-points';
import {
  A_FOREST,
  A_HIGHLIGHT,
  A_ORPHAN,
  A_TONGZHOU,
  A_VILLAGE,
  ANNOTATIONS,
  ASTRAL_TEXT,
  DOCUMENTS,
  ITEMS,
  KIND_NAMES,
  VILLAGE,
} from './export-fixtures';
import { loadModelChecker, SCHEMA_DIR, type ModelChecker } from './web-annotation-model';

const ANNOTATION_MUSTS = 'annotations/annotationMusts.test';
const COLLECTION_MUSTS = 'collections/collectionMusts.test';
const PAGE_MUSTS = 'collections/pages/pageMusts.test';

const INPUT: AnnotationExportInput = {
  annotations: ANNOTATIONS,
  documents: DOCUMENTS,
  itemsByAnnotation: itemsByAnnotation(ITEMS),
  kindNames: KIND_NAMES,
  pairEnds: new Map([[VILLAGE.id, surrogatePairEnds(ASTRAL_TEXT)]]),
  created: new Date('2024-03-10T12:00:00.000Z'),
};

type Annotation = Record<string, unknown> & { id: string; target: object };
interface Collection {
  '@context': string;
  type: string;
  total: number;
  first: { id: string; type: string; items: Annotation[] };
  last: string;
}

const parse = (input: AnnotationExportInput): Collection => JSON.parse(annotationsJsonLd(input)) as Collection;
/** An embedded annotation inherits the collection's @context (JSON-LD); the suite checks one annotation on its own. */
const standalone = (annotation: Annotation) => ({ '@context': ANNOTATION_CONTEXT, ...annotation });

let model: ModelChecker;
beforeAll(() => {
  model = loadModelChecker();
});

describe('the W3C schema checker', () => {
  const samples = (kind: string) =>
    readdirSync(join(SCHEMA_DIR, 'tools/samples', kind))
      .filter((name) => name.startsWith('anno'))
      .flatMap((name) => {
        try {
          return [[name, JSON.parse(readFileSync(join(SCHEMA_DIR, 'tools/samples', kind, name), 'utf8'))] as const];
        } catch {
          return []; // some incorrect samples are not JSON at all
        }
      });

  it("passes the suite's correct sample annotations (but those using the removed Composite, List, Independents)", () => {
    const removed = ['anno11.json', 'anno12.json', 'anno13.json'];
    const failing = samples('correct').filter(([, value]) => model.failures(ANNOTATION_MUSTS, value).length > 0);
    expect(failing.map(([name]) => name).sort()).toEqual(removed);
  });

  it('fails every incorrect sample annotation', () => {
    const incorrect = samples('incorrect');
    expect(incorrect.length).toBeGreaterThan(20);
    for (const [name, value] of incorrect) expect(model.failures(ANNOTATION_MUSTS, value), name).not.toEqual([]);
  });
});

describe('annotationsJsonLd', () => {
  it('is an AnnotationCollection with one embedded page that meets every MUST of the model', () => {
    const collection = parse(INPUT);
    expect(collection['@context']).toBe(ANNOTATION_CONTEXT);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(ANNOTATIONS.length);
    expect(model.failures(COLLECTION_MUSTS, collection)).toEqual([]);
    const page = { '@context': ANNOTATION_CONTEXT, ...collection.first };
    expect(page.type).toBe('AnnotationPage');
    expect(model.failures(PAGE_MUSTS, page)).toEqual([]);
    expect(collection.last).toBe(page.id);
  });

  it('writes annotations that each meet every MUST and implement selectors, created, modified, motivation', () => {
    const { items } = parse(INPUT).first;
    expect(items.map((a) => a.id)).toEqual(ANNOTATIONS.map((a) => `urn:dossier:annotation:${a.id}`));
    for (const annotation of items.map(standalone)) {
      expect(model.failures(ANNOTATION_MUSTS, annotation), annotation.id).toEqual([]);
      for (const feature of [
        'annotations/specificResource/4.2.4-textQuoteSelector.json',
        'annotations/specificResource/4.2.4-prefix.json',
        'annotations/3.3.1-annotationCreatedImplemented.json',
        'annotations/3.3.1-annotationModifiedImplemented.json',
        'annotations/3.3.5-annotationMotivationImplemented.json',
      ]) {
        expect(model.passes(feature, annotation), `${annotation.id} ${feature}`).toBe(true);
      }
    }
    // Every placed annotation has a position; the orphan only its quote.
    const positioned = items
      .map(standalone)
      .filter((a) => model.passes('annotations/specificResource/4.2.5-textPositionSelector.json', a));
    expect(positioned.map((a) => a.id)).not.toContain(`urn:dossier:annotation:${A_ORPHAN.id}`);
    expect(positioned).toHaveLength(ANNOTATIONS.length - 1);
  });

  it('describes a note, tags and item kinds as bodies with their purposes, and the creator', () => {
    const annotation = parse(INPUT).first.items[0]!;
    expect(annotation).toMatchObject({
      motivation: 'commenting',
      created: A_TONGZHOU.createdAt,
      modified: A_TONGZHOU.updatedAt,
      creator: { type: 'Person', name: '李分析' },
      body: [
        {
          type: 'TextualBody',
          value: '重点任务, 年底 "必须" 完成',
          format: 'text/plain',
          language: 'zh',
          purpose: 'commenting',
        },
        { type: 'TextualBody', value: '与河北省对接', format: 'text/plain', language: 'zh', purpose: 'commenting' },
        { type: 'TextualBody', value: '协同发展', purpose: 'tagging' },
        { type: 'TextualBody', value: 'planning; 2019', purpose: 'tagging' },
        { type: 'TextualBody', value: '规划', purpose: 'tagging' },
        { type: 'TextualBody', value: '任务', purpose: 'classifying' },
      ],
      target: {
        source: 'https://www.beijing.gov.cn/zhengce/2019/yaodian.html',
        selector: [
          { type: 'TextQuoteSelector', exact: A_TONGZHOU.target.quote.exact },
          {
            type: 'TextPositionSelector',
            start: A_TONGZHOU.target.position.start,
            end: A_TONGZHOU.target.position.end,
          },
        ],
      },
    });
    const annotationCheck = standalone(annotation);
    for (const feature of [
      'annotations/bodiesTargets/3.2.1-bodyFormat.json',
      'annotations/bodiesTargets/3.2.1-bodyLanguage.json',
      'annotations/bodiesTargets/3.3.5-bodyPurpose.json',
      'annotations/3.3.2-annotationCreatorAgentNameImplemented.json',
      'annotations/3.3.2-annotationCreatorAgentTypeImplemented.json',
    ]) {
      expect(model.passes(feature, annotationCheck), feature).toBe(true);
    }
  });

  it('chooses the motivation by the main purpose: highlighting, classifying', () => {
    const { items } = parse(INPUT).first;
    const byId = new Map(items.map((a) => [a.id, a]));
    expect(byId.get(`urn:dossier:annotation:${A_HIGHLIGHT.id}`)).toMatchObject({ motivation: 'highlighting' });
    expect(byId.get(`urn:dossier:annotation:${A_HIGHLIGHT.id}`)).not.toHaveProperty('body');
    expect(byId.get(`urn:dossier:annotation:${A_FOREST.id}`)).toMatchObject({
      motivation: 'classifying',
      body: [{ type: 'TextualBody', value: '承诺', purpose: 'classifying' }],
    });
  });

  it('counts positions in code points, and targets a document without an address by its URN', () => {
    const village = parse(INPUT).first.items.find((a) => a.id.endsWith(A_VILLAGE.id))!;
    const start = ASTRAL_TEXT.indexOf('请于');
    expect(village).toMatchObject({
      target: {
        source: `urn:dossier:document:${VILLAGE.id}`,
        selector: [
          { type: 'TextQuoteSelector', exact: '请于6月底前报送材料' },
          { type: 'TextPositionSelector', start: start - 1, end: start - 1 + 10 },
        ],
      },
    });
    expect((village.body as unknown[])[0]).toMatchObject({ value: 'Reply before the end of June', language: 'en' });
    expect(
      Array.from(ASTRAL_TEXT)
        .slice(start - 1, start - 1 + 10)
        .join(''),
    ).toBe('请于6月底前报送材料');
  });

  it('writes an empty collection without pages', () => {
    const empty = parse({ ...INPUT, annotations: [] });
    expect(empty.total).toBe(0);
    expect(empty).not.toHaveProperty('first');
    expect(model.failures(COLLECTION_MUSTS, empty)).toEqual([]);
  });

  it('rejects a broken annotation: the check can fail', () => {
    const good = standalone(parse(INPUT).first.items[0]!);
    const broken = [
      { ...good, '@context': 'http://example.org/other.jsonld' },
      { ...good, type: 'Note' },
      { ...good, id: 'not a uri' },
      { ...good, created: '10 March 2024' },
      { ...good, target: undefined },
      { ...good, target: { source: good.target, selector: { type: 'TextQuoteSelector', prefix: 'x' } } },
    ];
    for (const annotation of broken) {
      expect(model.failures(ANNOTATION_MUSTS, annotation), JSON.stringify(annotation).slice(0, 120)).not.toEqual([]);
    }
    // A motivation outside the model's list is not a MUST failure, but fails the motivation check.
    const motivation = 'annotations/3.3.5-annotationMotivationImplemented.json';
    expect(model.passes(motivation, good)).toBe(true);
    expect(model.passes(motivation, { ...good, motivation: 'liking' })).toBe(false);
  });

  it("guesses a note's language from its script", () => {
    expect(noteLanguage('年底前完成')).toBe('zh');
    expect(noteLanguage('Due by June')).toBe('en');
    expect(noteLanguage('2019 — 90')).toBeUndefined();
  });
});
