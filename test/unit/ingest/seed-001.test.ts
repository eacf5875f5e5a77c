// 001: Beijing Development and Reform Commission, 2019, reposted on 读要网 — EXPECTED.md:
// title, 2019-06-06, the commission as source (host 读要网), all sections kept, chrome dropped.
import { describe, expect, it } from 'vitest';
import { blockTexts, expectWellFormed, importSeed } from './helpers';

const doc = importSeed('001_a2198bc6f00aa275.txt');
const blocks = blockTexts(doc);

describe('seed 001 — 北京市发展和改革委员会 on 读要网, 2019', () => {
  it('is well formed', () => expectWellFormed(doc));

  it('takes the title from the line after the breadcrumb', () => {
    expect(doc.title).toBe('本市发布《北京市推进京津冀协同发展2019年工作要点》');
    expect(blocks).not.toContain(doc.title);
  });

  it('detects 2019-06-06 from the source line', () => {
    expect(doc.published).toMatchObject({ from: '2019-06-06', to: '2019-06-06', precision: 'day', status: 'detected' });
  });

  it('names the commission as source and 读要网 as host', () => {
    expect(doc.source.site).toBe('北京市发展和改革委员会');
    expect(doc.source.host).toBe('读要网');
    expect(doc.source.authors).toEqual([]);
  });

  it('keeps every numbered section, through 五是…', () => {
    expect(blocks[0]).toMatch(/^今年是新中国成立70周年,是全面建成小康社会的关键之年。/);
    expect(blocks).toContain('一、主要考虑');
    expect(blocks).toContain('二、关于2019年工作要点的主要任务');
    expect(blocks).toContain('2019年工作要点,共安排了90项具体任务,主要有以下特点:');
    for (const lead of ['一是在思想认识上', '二是在任务安排上', '三是在工作节奏上', '四是在工作保障上']) {
      expect(blocks.some((b) => b.startsWith(lead))).toBe(true);
    }
    for (const lead of [
      '一是紧抓“牛鼻子”',
      '二是高质量高标准',
      '三是高质量推进',
      '四是推动生态',
      '交通方面',
      '产业方面',
      '公共服务方面',
    ]) {
      expect(blocks.some((b) => b.startsWith(lead))).toBe(true);
    }
    const last = blocks[blocks.length - 1]!;
    expect(last).toMatch(/^五是深化改革创新增强区域经济发展内生动力。/);
    expect(last).toMatch(/金融创新等领域合作互动。$/);
  });

  it('drops the site chrome', () => {
    for (const gone of [
      '注册',
      '当前位置',
      '浏览(127)',
      '附件:',
      '.jpg',
      '扫描二维码下载读要有读APP',
      '评论',
      '0/500',
      '共有0条评论',
      'ICP备',
      '公网安备',
      '技术支持',
      'Copyright',
      '还没有账号',
      '×',
      '来源:',
    ]) {
      expect(doc.text).not.toContain(gone);
    }
    expect(doc.dropped).toEqual(
      expect.arrayContaining([
        '注册',
        '评论',
        '0/500',
        '共有0条评论',
        '×',
        '还没有账号?点击注册',
        '扫描二维码下载读要有读APP',
      ]),
    );
  });
});
