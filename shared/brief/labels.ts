// The words an exported brief adds of its own (column heads, statuses, notes), in its language.
// The app's vocabulary (renderer/i18n/strings.ts) is followed so a brief reads like the app.
import type { ItemStatus } from '../model/types';
import type { BriefLanguage } from './dates';
import type { TimelineSectionEntry } from './serialized';

export interface BriefLabels {
  /** Quote marks around a cited title. */
  titleOpen: string;
  titleClose: string;
  untitled: string;
  /** Separator between a citation's parts, and its final stop. */
  partSeparator: string;
  citationEnd: string;
  page: (page: number) => string;
  /** Separator between names in a list (owners). */
  listSeparator: string;
  byline: (author: string | undefined, date: string) => string;
  notes: string;
  /** Quote status notes. */
  changed: string;
  missing: string;
  status: Record<ItemStatus, string>;
  kinds: Record<string, string>;
  entryKinds: Record<TimelineSectionEntry['kind'], string>;
  itemColumns: { kind: string; text: string; owners: string; deadline: string; status: string; source: string };
  timelineColumns: { date: string; entry: string; details: string };
  timelineCaption: (range: string) => string;
  noItems: string;
  noEntries: string;
  /** An entry's details: its kind, status and document, in parentheses after it. */
  entryDetails: (parts: string[], documentTitle: string | undefined) => string;
  backToText: string;
}

const en: BriefLabels = {
  titleOpen: '“',
  titleClose: '”',
  untitled: 'Untitled',
  partSeparator: ', ',
  citationEnd: '.',
  page: (page) => `p. ${page}`,
  listSeparator: ', ',
  byline: (author, date) => (author ? `${author} · ${date}` : date),
  notes: 'Notes',
  changed: 'Note: the passage has changed in its source since it was quoted.',
  missing: 'Note: the passage or its document is no longer in the library.',
  status: { open: 'Open', 'in-progress': 'In progress', done: 'Done', missed: 'Missed', unknown: 'Unknown' },
  kinds: { task: 'Task', commitment: 'Commitment' },
  entryKinds: { item: 'Item', event: 'Event', document: 'Publication', mention: 'Date in the text' },
  itemColumns: {
    kind: 'Kind',
    text: 'Passage',
    owners: 'Owners',
    deadline: 'Deadline',
    status: 'Status',
    source: 'Source',
  },
  timelineColumns: { date: 'Date', entry: 'Entry', details: 'Details' },
  timelineCaption: (range) => `Timeline, ${range}`,
  noItems: 'No items.',
  noEntries: 'No entries in this range.',
  entryDetails: (parts, documentTitle) =>
    [...parts.map((p, i) => (i ? p.toLowerCase() : p)), documentTitle ? `from “${documentTitle}”` : '']
      .filter(Boolean)
      .join(', '),
  backToText: 'Back to the text',
};

const zh: BriefLabels = {
  titleOpen: '《',
  titleClose: '》',
  untitled: '无标题',
  partSeparator: '，',
  citationEnd: '。',
  page: (page) => `第${page}页`,
  listSeparator: '、',
  byline: (author, date) => (author ? `${author}\u3000${date}` : date),
  notes: '注释',
  changed: '注：引用后原文此处已有改动。',
  missing: '注：资料库中已找不到此段原文或其文件。',
  status: { open: '待办', 'in-progress': '进行中', done: '已完成', missed: '未按期完成', unknown: '不明' },
  kinds: { task: '任务', commitment: '承诺' },
  entryKinds: { item: '事项', event: '事件', document: '发布', mention: '文中日期' },
  itemColumns: {
    kind: '类型',
    text: '内容',
    owners: '责任单位',
    deadline: '期限',
    status: '状态',
    source: '出处',
  },
  timelineColumns: { date: '日期', entry: '事项', details: '说明' },
  timelineCaption: (range) => `时间线：${range}`,
  noItems: '无事项。',
  noEntries: '此时段内无条目。',
  entryDetails: (parts, documentTitle) =>
    [parts.join('，'), documentTitle ? `来源：《${documentTitle}》` : ''].filter(Boolean).join('；'),
  backToText: '返回正文',
};

export const briefLabels = (language: BriefLanguage): BriefLabels => (language === 'zh' ? zh : en);
