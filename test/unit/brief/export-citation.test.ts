// Citations as every export writes them, and the dates in them at their precision.
import { describe, expect, it } from 'vitest';
import {
  citationParts,
  citationText,
  locationRoute,
  parsePassageLocator,
  passageLocator,
} from '../../../shared/brief/citation';
import { formatDate, formatDateRange } from '../../../shared/brief/dates';
import type { QuoteCitation } from '../../../shared/brief/serialized';
import { safeLinkUrl } from '../../../shared/brief/safe-link';
import { PLAN, RAILWAY } from './export-fixture';

const plain: QuoteCitation = { documentId: 'd1', title: '关于印发《方案》的通知', position: { start: 0, end: 4 } };

describe('citationText', () => {
  it('writes a Chinese citation with the site, the day and, for a PDF, the page', () => {
    expect(citationText(RAILWAY.citation, 'zh')).toBe(
      '《本市发布〈北京市推进京津冀协同发展2019年工作要点〉》，首都之窗，2019年6月6日。',
    );
    expect(citationText(PLAN.citation, 'zh')).toBe(
      '《京津冀协同发展交通一体化规划（2014—2020年）》，国家发展改革委，2015年12月，第3页。',
    );
  });

  it('writes an English citation', () => {
    expect(citationText({ ...RAILWAY.citation, title: 'Title', page: 3 }, 'en')).toBe(
      '“Title”, 首都之窗, 6 June 2019, p. 3.',
    );
    expect(citationText(PLAN.citation, 'en')).toBe(
      '“京津冀协同发展交通一体化规划（2014—2020年）”, 国家发展改革委, December 2015, p. 3.',
    );
  });

  it('leaves out what the source does not say, and names an untitled one', () => {
    expect(citationText(plain, 'zh')).toBe('《关于印发〈方案〉的通知》。');
    expect(citationText({ ...plain, title: '  ' }, 'en')).toBe('“Untitled”.');
  });

  it('dates the source only as precisely as it is known', () => {
    const at = (date: string, precision: 'year' | 'half' | 'quarter' | 'month' | 'day') => [
      citationText({ ...plain, published: { date, precision } }, 'zh'),
      citationText({ ...plain, published: { date, precision } }, 'en'),
    ];
    expect(at('2019-01-01', 'year')).toEqual([
      '《关于印发〈方案〉的通知》，2019年。',
      '“关于印发《方案》的通知”, 2019.',
    ]);
    expect(at('2019-07-01', 'half')[0]).toBe('《关于印发〈方案〉的通知》，2019年下半年。');
    expect(at('2019-04-01', 'quarter')[1]).toBe('“关于印发《方案》的通知”, Q2 2019.');
    expect(at('2019-06-01', 'month')).toEqual([
      '《关于印发〈方案〉的通知》，2019年6月。',
      '“关于印发《方案》的通知”, June 2019.',
    ]);
  });
});

describe('citationParts', () => {
  it('links the title to the source, else to the passage, and always gives the locator', () => {
    const railway = citationParts(RAILWAY.citation, 'zh');
    expect(railway).toMatchObject({
      open: '《',
      title: '本市发布〈北京市推进京津冀协同发展2019年工作要点〉',
      close: '》，首都之窗，2019年6月6日。',
      href: RAILWAY.citation.url,
      url: RAILWAY.citation.url,
      locator: 'dossier://doc/01HQ7Z9D4XK2F8B3C6M1N5P7QR?at=1532-1542',
    });
    const plan = citationParts(PLAN.citation, 'zh');
    expect(plan.href).toBe(plan.locator);
    expect(plan).not.toHaveProperty('url');
  });

  it('never links a source address that could run code', () => {
    const parts = citationParts({ ...plain, url: 'javascript:alert(1)' }, 'en');
    expect(parts.href).toBe(parts.locator);
  });
});

describe('passage locators', () => {
  it('name a passage by document and offsets, and read back', () => {
    const locator = passageLocator({ documentId: 'doc/with?odd#id', position: { start: 12, end: 30 } });
    expect(locator).toBe('dossier://doc/doc%2Fwith%3Fodd%23id?at=12-30');
    expect(parsePassageLocator(locator)).toEqual({ documentId: 'doc/with?odd#id', start: 12, end: 30 });
    expect(locationRoute({ documentId: 'doc/with?odd#id', start: 12, end: 30 })).toBe(
      '#/doc/doc%2Fwith%3Fodd%23id?at=12-30',
    );
  });

  it('refuses what is not one', () => {
    expect(parsePassageLocator('https://example.org/doc/1?at=1-2')).toBeNull();
    expect(parsePassageLocator('dossier://doc/%E0%A4%A?at=1-2')).toBeNull();
    expect(parsePassageLocator('dossier://doc/x?at=a-b')).toBeNull();
  });
});

describe('dates', () => {
  it('format a range as one date when both ends read the same at its precision', () => {
    expect(formatDateRange({ from: '2019-10-01', to: '2019-12-31', precision: 'quarter' }, 'zh')).toBe(
      '2019年第四季度',
    );
    expect(formatDateRange({ from: '2016-01-01', to: '2020-12-31', precision: 'year' }, 'zh')).toBe('2016年至2020年');
    expect(formatDateRange({ from: '2016-01-01', to: '2020-12-31', precision: 'year' }, 'en')).toBe('2016–2020');
    expect(formatDateRange({ from: '2019-06-01', to: '2019-06-30', precision: 'day' }, 'en')).toBe(
      '1 June 2019 – 30 June 2019',
    );
  });

  it('read date-times and keep what is not a date as written', () => {
    expect(formatDate('2019-07-01T08:00:00.000Z', 'day', 'zh')).toBe('2019年7月1日');
    expect(formatDate('2019年底', 'day', 'en')).toBe('2019年底');
  });
});

describe('safeLinkUrl', () => {
  it('keeps web, mail and Dossier addresses and percent-encodes what would break out of one', () => {
    expect(safeLinkUrl(' https://example.org/a b"<c>|d ')).toBe('https://example.org/a%20b%22%3Cc%3E%7Cd');
    expect(safeLinkUrl('mailto:a@example.org')).toBe('mailto:a@example.org');
    expect(safeLinkUrl('https://例子.中国/路径')).toBe('https://例子.中国/路径');
  });

  it('refuses every other scheme', () => {
    for (const url of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      '/relative',
      'vbscript:x',
    ]) {
      expect(safeLinkUrl(url)).toBeUndefined();
    }
  });
});
