// Deadlines as iCalendar, read back with ical.js (a real RFC 5545 parser): one all-day event per
// dated item on its due day, the fields an analyst reads, Chinese intact across folded lines.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { deadlinesIcal, foldLine, icalText } from '../../../shared/export/deadlines-ical';
import type { ItemRecord } from '../../../shared/model/types';
import { I_FORMULA, I_FOREST, I_TONGZHOU, I_UNDATED, I_VILLAGE, ITEMS, LOOKUPS, item } from './export-fixtures';

const NOW = new Date('2024-03-10T12:34:56.789Z');
const utf8 = (text: string) => new TextEncoder().encode(text).length;

function events(items: readonly ItemRecord[]) {
  const ics = deadlinesIcal(items, LOOKUPS, { now: NOW, appVersion: '0.1.0' });
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return { ics, calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('foldLine', () => {
  it('folds at 75 octets without splitting a multi-byte character', () => {
    const line = `DESCRIPTION:${'京津冀协同发展𠀋'.repeat(20)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(1);
    for (const [i, part] of physical.entries()) {
      expect(utf8(part)).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      expect(part).not.toMatch(/\uFFFD/);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(part))).not.toThrow();
    }
    expect(physical.map((p, i) => (i > 0 ? p.slice(1) : p)).join('')).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });
});

describe('icalText', () => {
  it('escapes backslash, semicolon, comma and line ends', () => {
    expect(icalText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});

describe('deadlinesIcal', () => {
  it('is a VCALENDAR with PRODID, VERSION 2.0 and CALSCALE, CRLF lines of at most 75 octets', () => {
    const { ics, calendar } = events(ITEMS);
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Dossier//Dossier 0.1.0//EN');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(utf8(line)).toBeLessThanOrEqual(75);
  });

  it('has one all-day event per dated item, on its due day, ending the next day', () => {
    const { events: all } = events(ITEMS);
    expect(all.map((e) => e.uid)).toEqual([
      'item-01ITEM1@dossier',
      'item-01ITEM2@dossier',
      'item-01ITEM3@dossier',
      'item-01ITEM4@dossier',
    ]);
    const days = all.map((e) => [e.startDate.isDate, e.startDate.toString(), e.endDate.toString()]);
    expect(days).toEqual([
      [true, '2019-12-31', '2020-01-01'],
      [true, '2019-09-30', '2019-10-01'],
      [true, '2019-06-30', '2019-07-01'],
      [true, '2020-06-30', '2020-07-01'],
    ]);
    for (const event of all) {
      expect(event.component.getFirstPropertyValue('dtstamp')!.toString()).toBe('2024-03-10T12:34:56Z');
      expect(event.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    }
  });

  it('writes the summary, the description with the source, and categories, Chinese intact', () => {
    const { events: all } = events([I_TONGZHOU]);
    const event = all[0]!;
    expect(event.summary).toBe('任务: 推进通州区与北三县协同发展，2019年底前完成规划编制。');
    expect(event.description.split('\n')).toEqual([
      'Due: 2019-12-31 (year: 2019-01-01 – 2019-12-31) — “2019年底前”',
      'Status: open',
      'Owners: 北京市发展和改革委员会 (lead); 北京市通州区人民政府 (responsible)',
      'Category: 协同发展',
      'Passage: 推进通州区与北三县协同发展，2019年底前完成规划编制。',
      'Note: 与河北省对接',
      'Document: 北京市推进京津冀协同发展2019年工作要点',
      'Source: 北京日报',
      'Published: 2019-06-06',
      'URL: https://www.beijing.gov.cn/zhengce/2019/yaodian.html',
      'Open in Dossier: app://dossier/index.html#/doc/01PLAN/a/01ANN1',
    ]);
    expect(event.component.getFirstProperty('categories')!.getValues()).toEqual(['任务', '协同发展', '规划']);
    expect(event.component.getFirstPropertyValue('url')).toBe('https://www.beijing.gov.cn/zhengce/2019/yaodian.html');
    expect(event.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(event.component.getFirstPropertyValue('last-modified')!.toString()).toBe('2024-03-05T10:00:00Z');
  });

  it('maps statuses to what a VEVENT allows, and ticks done items', () => {
    const { events: all } = events([I_FOREST, I_FORMULA, I_VILLAGE]);
    expect(all.map((e) => e.component.getFirstPropertyValue('status'))).toEqual([
      'CONFIRMED',
      'CANCELLED',
      'TENTATIVE',
    ]);
    expect(all[0]!.summary.startsWith('✓ 承诺: ')).toBe(true);
  });

  it('keeps text with commas, semicolons, quotes and characters beyond the BMP exact', () => {
    const { events: all } = events([I_VILLAGE]);
    expect(all[0]!.description).toContain('Document: 𠀋村通知, "河长制"');
    expect(all[0]!.description).toContain('Published: 2020-05-01/2020-05-31');
    expect(all[0]!.component.getFirstProperty('categories')!.getValues()).toEqual(['任务', '河长制']);
  });

  it('leaves out items without a deadline or with a date that is not a day', () => {
    const broken = item('01BROKEN', {
      deadline: { from: '2019-02-01', to: '2019-02-30', precision: 'day', text: '', origin: 'analyst' },
    });
    const { events: all } = events([I_UNDATED, broken]);
    expect(all).toHaveLength(0);
  });
});
