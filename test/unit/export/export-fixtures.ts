// A small library for the export tests: two documents (one with a character outside the BMP
// before its highlights, so UTF-16 and code point offsets differ), highlights with notes and tags,
// and items with every kind of deadline, owners, targets and a passage that looks like a formula.
import type { AnnotationRecord, DocumentMeta, ItemRecord } from '../../../shared/model/types';
import type { ExportDocument, ExportLookups } from '../../../shared/export/export-data';

const AT = '2024-03-01T08:00:00.000Z';

export const PLAN_TEXT =
  '北京市推进京津冀协同发展2019年工作要点\n\n' +
  '推进通州区与北三县协同发展，2019年底前完成规划编制。\n\n' +
  '加快上游水源涵养林建设，9月底前完成造林90项。\n\n' +
  '=HYPERLINK("http://evil.example","点击")，市财政局负责。';

// 𠀋 (U+2000B, CJK Extension B) takes two UTF-16 units.
export const ASTRAL_TEXT = '𠀋村人民政府：关于“河长制”工作，请于6月底前报送材料; 谢谢, 再见';

export function documentMeta(
  id: string,
  title: string,
  text: string,
  fields: Partial<DocumentMeta> = {},
): DocumentMeta {
  return {
    id,
    createdAt: AT,
    updatedAt: AT,
    rev: AT,
    baseRev: null,
    title,
    kind: 'text',
    source: { site: '北京日报', url: null, authors: [], host: null, editor: null },
    published: { from: '2019-06-06', to: '2019-06-06', precision: 'day', text: '2019年6月6日', status: 'detected' },
    importedAt: AT,
    contentHash: `hash-${id}`,
    length: text.length,
    ...fields,
  };
}

export const PLAN = documentMeta('01PLAN', '北京市推进京津冀协同发展2019年工作要点', PLAN_TEXT, {
  source: {
    site: '北京日报',
    url: 'https://www.beijing.gov.cn/zhengce/2019/yaodian.html',
    authors: ['记者 王海'],
    host: null,
    editor: null,
  },
});
export const VILLAGE = documentMeta('01VILLAGE', '𠀋村通知, "河长制"', ASTRAL_TEXT, {
  published: { from: '2020-05-01', to: '2020-05-31', precision: 'month', text: '2020年5月', status: 'inferred' },
});

export const TEXTS = new Map([
  [PLAN.id, PLAN_TEXT],
  [VILLAGE.id, ASTRAL_TEXT],
]);

export function annotation(
  id: string,
  document: DocumentMeta,
  exact: string,
  fields: Partial<AnnotationRecord> = {},
): AnnotationRecord {
  const text = TEXTS.get(document.id)!;
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`not in text: ${exact}`);
  const end = start + exact.length;
  return {
    id,
    createdAt: AT,
    updatedAt: '2024-03-02T09:30:00.000Z',
    rev: AT,
    baseRev: null,
    documentId: document.id,
    target: {
      position: { type: 'TextPositionSelector', start, end },
      quote: {
        type: 'TextQuoteSelector',
        exact,
        prefix: text.slice(Math.max(0, start - 8), start),
        suffix: text.slice(end, end + 8),
      },
    },
    color: 'yellow',
    note: null,
    noteText: '',
    tags: [],
    author: '',
    ...fields,
  };
}

export const A_TONGZHOU = annotation('01ANN1', PLAN, '推进通州区与北三县协同发展，2019年底前完成规划编制。', {
  color: 'blue',
  noteText: '重点任务, 年底 "必须" 完成',
  tags: ['协同发展', 'planning; 2019'],
  author: '李分析',
});
export const A_FOREST = annotation('01ANN2', PLAN, '加快上游水源涵养林建设，9月底前完成造林90项。', { color: 'green' });
export const A_FORMULA = annotation('01ANN3', PLAN, '=HYPERLINK("http://evil.example","点击")，市财政局负责。', {
  color: 'pink',
});
export const A_VILLAGE = annotation('01ANN4', VILLAGE, '请于6月底前报送材料', {
  noteText: 'Reply before the end of June',
});
export const A_HIGHLIGHT = annotation('01ANN5', PLAN, '北京市推进京津冀协同发展');
export const A_ORPHAN: AnnotationRecord = {
  ...annotation('01ANN6', PLAN, '北三县'),
  orphaned: true,
  target: {
    position: { type: 'TextPositionSelector', start: 3, end: 6 },
    quote: { type: 'TextQuoteSelector', exact: '已删除的段落', prefix: '', suffix: '' },
  },
};

export const ANNOTATIONS = [A_TONGZHOU, A_FOREST, A_FORMULA, A_VILLAGE, A_HIGHLIGHT, A_ORPHAN];

export function item(id: string, fields: Partial<ItemRecord>): ItemRecord {
  return {
    id,
    createdAt: AT,
    updatedAt: '2024-03-05T10:00:00.000Z',
    rev: AT,
    baseRev: null,
    kind: 'task',
    title: 'untitled',
    annotationIds: [],
    documentId: null,
    owners: [],
    deadline: null,
    milestones: [],
    targets: [],
    status: 'open',
    statusHistory: [{ status: fields.status ?? 'open', at: AT }],
    category: null,
    tags: [],
    note: null,
    noteText: '',
    origin: 'manual',
    ...fields,
  };
}

export const I_TONGZHOU = item('01ITEM1', {
  kind: 'task',
  title: '推进通州区与北三县协同发展',
  annotationIds: [A_TONGZHOU.id],
  documentId: PLAN.id,
  owners: [
    { asWritten: '通州区政府', normalized: '北京市通州区人民政府', role: 'responsible' },
    { asWritten: '市发改委', normalized: '北京市发展和改革委员会', role: 'lead' },
  ],
  deadline: { from: '2019-01-01', to: '2019-12-31', precision: 'year', text: '2019年底前', origin: 'explicit' },
  category: '协同发展',
  tags: ['规划'],
  noteText: '与河北省对接',
});
export const I_FOREST = item('01ITEM2', {
  kind: 'commitment',
  title: '加快上游水源涵养林建设',
  annotationIds: [A_FOREST.id],
  documentId: PLAN.id,
  owners: [{ asWritten: '市园林绿化局', normalized: '北京市园林绿化局', role: 'lead' }],
  deadline: { from: '2019-09-01', to: '2019-09-30', precision: 'month', text: '9月底前', origin: 'section' },
  targets: [{ value: 90, unit: '项', text: '90项' }],
  status: 'done',
  category: '生态',
});
export const I_FORMULA = item('01ITEM3', {
  kind: 'custom-kind',
  title: '=HYPERLINK',
  annotationIds: [A_FORMULA.id],
  documentId: PLAN.id,
  owners: [{ asWritten: '市财政局', normalized: '北京市财政局', role: 'responsible' }],
  deadline: { from: '2019-04-01', to: '2019-06-30', precision: 'quarter', text: '二季度', origin: 'context' },
  status: 'missed',
});
export const I_VILLAGE = item('01ITEM4', {
  kind: 'task',
  title: '报送材料',
  annotationIds: [A_VILLAGE.id],
  documentId: VILLAGE.id,
  deadline: { from: '2020-06-30', to: '2020-06-30', precision: 'day', text: '6月底前', origin: 'explicit' },
  status: 'unknown',
  tags: ['河长制'],
});
export const I_UNDATED = item('01ITEM5', {
  kind: 'commitment',
  title: '@mention: 设立九大专项工作小组',
  status: 'in-progress',
});

export const ITEMS = [I_TONGZHOU, I_FOREST, I_FORMULA, I_VILLAGE, I_UNDATED];

export const DOCUMENTS = new Map<string, ExportDocument>([
  [PLAN.id, PLAN],
  [VILLAGE.id, VILLAGE],
]);

export const KIND_NAMES = new Map([
  ['task', '任务'],
  ['commitment', '承诺'],
]);

export const LOOKUPS: ExportLookups = {
  annotations: new Map(ANNOTATIONS.map((a) => [a.id, a])),
  documents: DOCUMENTS,
  kindNames: KIND_NAMES,
  appUrl: 'app://dossier/index.html',
};
