// Properties of re-anchoring over generated documents and edits (fast-check). Texts are distinct
// policy sentences in random order, each after a little random noise, so that unrelated text
// rarely resembles a passage, as in a real document. No sentence is used twice: where a text
// repeats one, a near-repeat of an edited passage may rightly be taken for it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnotationTarget } from '../../../shared/model/types';
import { describeRange, positionMatchesQuote } from '../../../shared/anchoring/describe';
import { MIN_SIMILARITY } from '../../../shared/anchoring/fuzzy';
import { reanchor, reanchorAll } from '../../../shared/anchoring/reanchor';

const SENTENCES = [
  '京津冀协同发展，作为全市工作的头等大事，被列为政府工作报告九大工作之首。',
  '本市已经正式确定设立九大专项工作小组。',
  '今年将完成90项具体任务，京张铁路年底建成通车。',
  '北京新机场主体工程基本完工，航站楼进入装修阶段。',
  '城市副中心行政办公区一期工程于2017年底投入使用。',
  '有序疏解北京非首都功能，是京津冀协同发展的关键环节和重中之重。',
  '加快推进交通一体化，构建以轨道交通为骨干的多节点、网格状交通网络。',
  '扩大环境容量生态空间，联防联控大气污染，PM2.5年均浓度下降5%。',
  '推动产业升级转移，共建曹妃甸协同发展示范区和天津滨海—中关村科技园。',
  '优质医疗资源输出需要长期有效的对接机制，不能一建了之。',
  '23个市级部门对接通州，冲刺城市副中心建设。',
  '宝坻承接北京项目38个，总投资约120亿元。',
  '基层治理年工作方案提出，完善街乡吹哨、部门报到机制。',
  'The plan covers Beijing, Tianjin and Hebei (Jing-Jin-Ji), 2019 edition.',
  '深化改革创新，增强区域经济发展内生动力。',
  '对口支援和合作地区的脱贫攻坚任务必须高质量完成。',
  '市支援合作工作领导小组全体会议召开，部署全年重点工作。',
  '雄安新区规划建设进入大规模开发阶段，首批疏解项目落地。',
  '截至3月底，累计退出一般制造业企业2648家。',
  '要坚持规划先行，严控建设规模，守住生态红线。',
];
const NOISE =
  '的一是在了有和人这中大为上个国以要时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日abcdefxyzABC0123456789 ,.;，。、：（）“”\n';

const noise = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...NOISE), minLength, maxLength });

const texts = fc
  .shuffledSubarray(SENTENCES, { minLength: 1, maxLength: 10 })
  .chain((sentences) =>
    fc
      .array(noise(0, 6), { minLength: sentences.length, maxLength: sentences.length })
      .map((noises) => sentences.map((s, i) => noises[i] + s).join('')),
  );

interface Doc {
  text: string;
  start: number;
  end: number;
}

/** A text and a passage of it, from one character to a long sentence. */
const docs: fc.Arbitrary<Doc> = texts.chain((text) =>
  fc
    .record({ start: fc.nat(text.length - 1), length: fc.integer({ min: 1, max: 60 }) })
    .map(({ start, length }) => ({ text, start, end: Math.min(text.length, start + length) })),
);

/** Replace [from, to) by `insert`: an insertion when from = to, a deletion when insert is empty. */
interface Edit {
  from: number;
  to: number;
  insert: string;
}

const apply = (text: string, e: Edit) => text.slice(0, e.from) + e.insert + text.slice(e.to);

const rawEdits = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace'),
  a: fc.nat(),
  b: fc.nat(),
  before: fc.boolean(),
  insert: fc.oneof(noise(1, 8), fc.constantFrom(...SENTENCES)),
});
type RawEdit = typeof rawEdits extends fc.Arbitrary<infer T> ? T : never;

/** An edit of [lo, hi): an insertion anywhere in it, or a deletion or replacement of a non-empty part. */
function editWithin(lo: number, hi: number, raw: RawEdit): Edit {
  if (raw.kind === 'insert' || hi === lo) {
    const at = lo + (raw.a % (hi - lo + 1));
    return { from: at, to: at, insert: raw.insert };
  }
  const from = lo + (raw.a % (hi - lo));
  const to = from + 1 + (raw.b % (hi - from));
  return { from, to, insert: raw.kind === 'delete' ? '' : raw.insert };
}

/** An edit wholly before or after the passage (an insertion may touch its edge). */
function outsideEdit({ text, start, end }: Doc, raw: RawEdit): Edit {
  const before = start === 0 ? false : end === text.length ? true : raw.before;
  return before ? editWithin(0, start, raw) : editWithin(end, text.length, raw);
}

/** An edit inside the passage: an insertion strictly within it, or a change of part or all of it. */
function insideEdit({ start, end }: Doc, raw: RawEdit): Edit {
  if (raw.kind === 'insert' && end - start >= 2) {
    const at = start + 1 + (raw.a % (end - start - 1));
    return { from: at, to: at, insert: raw.insert };
  }
  return editWithin(start, end, { ...raw, kind: raw.kind === 'insert' ? 'replace' : raw.kind });
}

/** An edit across one edge of the passage: part context, part passage (null if it has no such edge). */
function straddlingEdit({ text, start, end }: Doc, raw: RawEdit): Edit | null {
  const insert = raw.kind === 'delete' ? '' : raw.insert;
  if (raw.before ? start > 0 : end === text.length) {
    if (start === 0) return null;
    return { from: start - 1 - (raw.a % start), to: start + 1 + (raw.b % (end - start)), insert };
  }
  return { from: start + (raw.a % (end - start)), to: end + 1 + (raw.b % (text.length - end)), insert };
}

const targetOf = ({ text, start, end }: Doc) => describeRange(text, start, end);
const RUNS = 1000;

describe('reanchor properties', () => {
  it('an edit outside a passage never changes its quote', () => {
    fc.assert(
      fc.property(docs, rawEdits, (doc, raw) => {
        const target = targetOf(doc);
        const edit = outsideEdit(doc, raw);
        const text = apply(doc.text, edit);
        const result = reanchor(text, target);
        expect(['kept', 'moved']).toContain(result.outcome);
        expect(result.target!.quote.exact).toBe(target.quote.exact);
        expect(positionMatchesQuote(text, result.target!)).toBe(true);
        // Where the passage is the only one of its words, it is found at its own place.
        if (text.indexOf(target.quote.exact) === text.lastIndexOf(target.quote.exact)) {
          const shift = edit.from <= doc.start ? edit.insert.length - (edit.to - edit.from) : 0;
          expect(result.target!.position.start).toBe(doc.start + shift);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('an edit inside a passage re-anchors it to the edited passage or orphans it, never elsewhere', () => {
    fc.assert(
      fc.property(docs, rawEdits, (doc, raw) => {
        const target = targetOf(doc);
        const edit = insideEdit(doc, raw);
        const text = apply(doc.text, edit);
        const result = reanchor(text, target);
        if (result.outcome === 'orphaned') return;
        const { start, end } = result.target!.position;
        expect(positionMatchesQuote(text, result.target!)).toBe(true);
        expect(result.similarity).toBeGreaterThanOrEqual(MIN_SIMILARITY);
        // The exact stage may take the very same words where the text repeats them; that is not
        // unrelated text (see the unit test "takes a verbatim repeat elsewhere").
        if (text.slice(start, end) === target.quote.exact) return;
        // Else it must lie on the edited passage: within it, where both neighbours are long
        // enough to pin it (pin.ts); near the edge of the document, where the approximate match
        // may take a character or two of neighbouring text that resembles the quote, across it.
        const placeStart = doc.start;
        const placeEnd = doc.end + edit.insert.length - (edit.to - edit.from);
        expect(start < placeEnd && end > placeStart).toBe(true);
        const pinned = [target.quote.prefix, target.quote.suffix].every((c) => c === '' || c.length >= 16);
        if (pinned) expect(start >= placeStart && end <= placeEnd).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("an edit across a passage's edge re-anchors it within the edited stretch or orphans it", () => {
    fc.assert(
      fc.property(docs, rawEdits, (doc, raw) => {
        const edit = straddlingEdit(doc, raw);
        if (!edit) return;
        const target = targetOf(doc);
        const text = apply(doc.text, edit);
        const result = reanchor(text, target);
        if (result.outcome === 'orphaned') return;
        const { start, end } = result.target!.position;
        // What remains of the passage and the edit's new text lie in [lo, hi) of the new text.
        const lo = Math.min(doc.start, edit.from);
        const hi = Math.max(doc.end, edit.to) + edit.insert.length - (edit.to - edit.from);
        const onRepeat = text.slice(start, end) === target.quote.exact;
        expect((start < hi && end > lo) || onRepeat).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(docs, rawEdits, fc.boolean(), (doc, raw, inside) => {
        const target = targetOf(doc);
        const text = apply(doc.text, inside ? insideEdit(doc, raw) : outsideEdit(doc, raw));
        const first = reanchor(text, target);
        expect(reanchor(text, structuredClone(target))).toEqual(first);
        expect(reanchorAll(text, [target])).toEqual([first]);
      }),
      { numRuns: RUNS / 2 },
    );
  });

  it('keeps every annotation when the text is unchanged', () => {
    const manyDocs = texts.chain((text) =>
      fc
        .array(fc.tuple(fc.nat(text.length - 1), fc.integer({ min: 1, max: 40 })), { minLength: 1, maxLength: 20 })
        .map((spans) => ({
          text,
          targets: spans.map(([s, n]): AnnotationTarget => describeRange(text, s, Math.min(text.length, s + n))),
        })),
    );
    fc.assert(
      fc.property(manyDocs, ({ text, targets }) => {
        const results = reanchorAll(text, targets);
        expect(results.map((r) => r.outcome)).toEqual(targets.map(() => 'kept'));
        expect(results.map((r) => r.target)).toEqual(targets);
      }),
      { numRuns: RUNS / 2 },
    );
  });
});
