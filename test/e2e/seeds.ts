// What the item suites (items view, timeline, briefs' data blocks, data exports) seed their
// libraries with: two sample articles and their titles, owners as items store them, and many
// plain items at once, for the 20,000-item checks.
import { join } from 'node:path';
import type { ItemOwner, ItemRecord } from '../../shared/model/types';
import { FIXTURES } from './harness';

/** The 2019 work plan's title (test/fixtures/seeds/001_…). */
export const PLAN = '本市发布《北京市推进京津冀协同发展2019年工作要点》';
/** The nine working groups article's title (test/fixtures/seeds/000_…). */
export const GROUPS = '推进“京津冀协同发展” 北京市设九工作组';
/** The files of the two: GROUPS, then PLAN. */
export const TWO_SEEDS = ['000_6e9d3646a86fd5b6.txt', '001_a2198bc6f00aa275.txt'].map((f) =>
  join(FIXTURES, 'seeds', f),
);

export const lead = (asWritten: string, normalized: string) => ({ asWritten, normalized, role: 'lead' as const });
export const responsible = (asWritten: string, normalized: string) => ({
  asWritten,
  normalized,
  role: 'responsible' as const,
});

const STATUSES = ['open', 'in-progress', 'done', 'missed', 'unknown'] as const;
const UNITS = ['市发改委', '市财政局', '市教委', '市交通委', '市生态环境局'];

/**
 * `count` plain items (no passages) for putRecords: ids bulk-000000…, made a second apart from
 * 2024-01-01, every third a commitment, the statuses in turn, due on the 28th (or `day(i)`) of
 * a month from 2016 to 2030, led by five units in turn (or `owner(i)`).
 */
export function bulkItems(
  count: number,
  {
    title = (i) => `批量事项第${i}项：完成年度重点任务`,
    day = () => 28,
    owner = (i) => ({ asWritten: UNITS[i % UNITS.length]!, normalized: UNITS[i % UNITS.length]!, role: 'lead' }),
  }: { title?: (i: number) => string; day?: (i: number) => number; owner?: (i: number) => ItemOwner } = {},
): ItemRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString();
    const due = `${2016 + (i % 15)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(day(i)).padStart(2, '0')}`;
    const status = STATUSES[i % STATUSES.length]!;
    return {
      id: `bulk-${String(i).padStart(6, '0')}`,
      createdAt: at,
      updatedAt: at,
      rev: at,
      baseRev: null,
      kind: i % 3 === 0 ? 'commitment' : 'task',
      title: title(i),
      annotationIds: [],
      documentId: null,
      owners: [owner(i)],
      deadline: { from: due, to: due, precision: 'day', text: due, origin: 'analyst' },
      milestones: [],
      targets: [],
      status,
      statusHistory: [{ status, at }],
      category: null,
      tags: [],
      note: null,
      noteText: '',
      origin: 'manual',
    };
  });
}
