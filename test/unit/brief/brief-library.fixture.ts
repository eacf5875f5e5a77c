// A small library for the brief's data blocks and drafts: two documents (an article and a PDF),
// their highlights, six items of five owners, a meeting and a date pinned from the text.
import type {
  AnnotationRecord,
  DocumentMeta,
  EventRecord,
  ItemOwner,
  ItemRecord,
  ItemStatus,
} from '../../../shared/model/types';

export const TODAY = '2020-06-15';
export const NOW = new Date('2020-06-15T08:30:00.000Z');

const base = (id: string) => ({
  id,
  createdAt: '2020-01-01T00:00:00.000Z',
  updatedAt: '2020-01-01T00:00:00.000Z',
  rev: '1',
  baseRev: null,
});

export const lead = (asWritten: string, normalized = asWritten): ItemOwner => ({ asWritten, normalized, role: 'lead' });
export const responsible = (asWritten: string, normalized = asWritten): ItemOwner => ({
  asWritten,
  normalized,
  role: 'responsible',
});

export const PLAN: DocumentMeta = {
  ...base('d1'),
  title: '北京市推进京津冀协同发展2019年工作要点',
  kind: 'html',
  source: { site: '首都之窗', url: 'http://www.beijing.gov.cn/plan', authors: [], host: null, editor: null },
  published: { from: '2019-02-20', to: '2019-02-20', precision: 'day', text: '2019-02-20', status: 'detected' },
  importedAt: '2020-01-01T00:00:00.000Z',
  contentHash: 'h1',
  length: 2000,
};

export const REPORT: DocumentMeta = {
  ...base('d2'),
  title: '通州区2019年重点工作',
  kind: 'pdf',
  source: { site: null, url: null, authors: [], host: null, editor: null },
  published: { from: '2019-01-01', to: '2019-12-31', precision: 'year', text: '2019年', status: 'inferred' },
  importedAt: '2020-01-01T00:00:00.000Z',
  contentHash: 'h2',
  length: 900,
  pdf: { pages: 5, textPages: 5 },
};

export function passage(id: string, documentId: string, start: number, exact: string, page?: number): AnnotationRecord {
  return {
    ...base(id),
    documentId,
    target: {
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      ...(page !== undefined && { rects: [{ page, x: 10, y: 20, width: 100, height: 12 }] }),
    },
    color: 'yellow',
    note: null,
    noteText: '',
    tags: [],
    author: '',
  };
}

export const ANNOTATIONS: AnnotationRecord[] = [
  passage('a1', 'd1', 100, '推进通州区与北三县协同发展，2019年底前完成规划编制'),
  passage('a2', 'd1', 300, '9月底前加快上游水源涵养林建设'),
  passage('a3', 'd1', 500, '二季度做好京津冀非遗展示宣传活动'),
  passage('a4', 'd1', 700, '到2035年健全联合督查督办机制'),
  passage('a5', 'd1', 50, '本市已经正式确定设立九大专项工作小组'),
  passage('a6', 'd2', 40, '6月30日前完成城市副中心行政办公区二期主体结构', 3),
  // A highlight that is no item, and the date pinned from the text.
  passage('a7', 'd1', 900, '年底前召开京津冀协同发展工作会议'),
  passage('a8', 'd1', 1200, '各区要加强组织领导'),
];

type ItemInput = Pick<ItemRecord, 'id' | 'kind' | 'title' | 'owners' | 'deadline' | 'status'> &
  Partial<ItemRecord> & { annotation: string | null; document: string | null };

export function item(input: ItemInput): ItemRecord {
  const { annotation, document, ...fields } = input;
  return {
    ...base(input.id),
    annotationIds: annotation ? [annotation] : [],
    documentId: document,
    milestones: [],
    targets: [],
    statusHistory: [{ status: input.status, at: '2020-01-01T00:00:00.000Z' }],
    category: null,
    tags: [],
    note: null,
    noteText: '',
    origin: 'manual',
    ...fields,
  };
}

const deadline = (from: string, to: string, precision: 'year' | 'quarter' | 'month' | 'day', text: string) => ({
  from,
  to,
  precision,
  text,
  origin: 'explicit' as const,
});

export const ITEMS: ItemRecord[] = [
  item({
    id: 'i1',
    kind: 'task',
    title: '推进通州区与北三县协同发展',
    owners: [lead('市发改委', '北京市发展和改革委员会'), responsible('通州区政府', '北京市通州区人民政府')],
    deadline: deadline('2019-01-01', '2019-12-31', 'year', '2019年底前'),
    status: 'open',
    category: '协同发展',
    annotation: 'a1',
    document: 'd1',
  }),
  item({
    id: 'i2',
    kind: 'commitment',
    title: '加快上游水源涵养林建设',
    owners: [lead('市园林绿化局', '北京市园林绿化局')],
    deadline: deadline('2019-09-01', '2019-09-30', 'month', '9月底前'),
    status: 'in-progress',
    category: '生态',
    annotation: 'a2',
    document: 'd1',
  }),
  item({
    id: 'i3',
    kind: 'task',
    title: '做好京津冀非遗展示宣传活动',
    owners: [responsible('市文化和旅游局', '北京市文化和旅游局')],
    deadline: deadline('2019-04-01', '2019-06-30', 'quarter', '二季度'),
    status: 'done',
    category: '文化',
    tags: ['宣传'],
    annotation: 'a3',
    document: 'd1',
  }),
  item({
    id: 'i4',
    kind: 'task',
    title: '健全联合督查督办机制',
    owners: [lead('市政府督查室', '北京市人民政府督查室'), responsible('市发改委', '北京市发展和改革委员会')],
    deadline: deadline('2035-01-01', '2035-12-31', 'year', '到2035年'),
    status: 'open',
    annotation: 'a4',
    document: 'd1',
  }),
  item({
    id: 'i5',
    kind: 'commitment',
    title: '本市已经正式确定设立九大专项工作小组',
    owners: [],
    deadline: null,
    status: 'unknown',
    annotation: 'a5',
    document: 'd1',
  }),
  item({
    id: 'i6',
    kind: 'task',
    title: '完成城市副中心行政办公区二期主体结构',
    // Tagged before the alias table knew the name: stored as written.
    owners: [lead('通州区政府', '通州区政府')],
    deadline: deadline('2019-06-30', '2019-06-30', 'day', '6月30日前'),
    status: 'open',
    annotation: 'a6',
    document: 'd2',
  }),
];

export const EVENTS: EventRecord[] = [
  {
    ...base('e1'),
    title: '京津冀协同发展领导小组会议',
    date: { from: '2019-03-05', to: '2019-03-05', precision: 'day', text: '3月5日' },
    documentId: null,
    annotationId: null,
    note: null,
  },
  {
    ...base('e2'),
    title: '年底前召开京津冀协同发展工作会议',
    date: { from: '2019-12-01', to: '2019-12-31', precision: 'month', text: '年底前' },
    documentId: 'd1',
    annotationId: 'a7',
    note: null,
  },
  {
    ...base('e3'),
    title: '2021年评估',
    date: { from: '2021-03-01', to: '2021-03-31', precision: 'month', text: '2021年3月' },
    documentId: null,
    annotationId: null,
    note: null,
  },
];

export const DOCUMENTS: DocumentMeta[] = [PLAN, REPORT];

export const ids = (records: readonly { itemId: string }[]) => records.map((r) => r.itemId);

/** `count` plain items of five owners and five statuses, with deadlines spread over fifteen years. */
export function manyItems(count: number): ItemRecord[] {
  const statuses: ItemStatus[] = ['open', 'in-progress', 'done', 'missed', 'unknown'];
  const units = ['市发改委', '市财政局', '市教委', '市交通委', '市生态环境局'];
  return Array.from({ length: count }, (_, i) => {
    const due = `${2016 + (i % 15)}-${String(1 + (i % 12)).padStart(2, '0')}-28`;
    return item({
      id: `bulk-${String(i).padStart(6, '0')}`,
      kind: i % 3 === 0 ? 'commitment' : 'task',
      title: `批量事项第${i}项`,
      owners: [lead(units[i % units.length]!)],
      deadline: deadline(due, due, 'day', due),
      status: statuses[i % statuses.length]!,
      annotation: null,
      document: null,
    });
  });
}
