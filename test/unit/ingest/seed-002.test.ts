// 002: Beijing City Sub-center Daily, 2022-03-16 — a newspaper page holding three articles.
// EXPECTED.md: date, masthead as source, the three articles proposed (and splittable, each
// dated 2022-03-16), mid-word layout breaks re-joined, masthead lines and "(下转2版)" dropped.
import { describe, expect, it } from 'vitest';
import { splitDocument } from '../../../shared/ingest/split';
import { blockTexts, expectWellFormed, importSeed } from './helpers';

const doc = importSeed('002_c4717dbc6a480cfb.txt');
const blocks = blockTexts(doc);

describe('seed 002 — 北京城市副中心报, a newspaper page', () => {
  it('is well formed', () => expectWellFormed(doc));

  it('detects 2022-03-16 and the masthead as source', () => {
    expect(doc.published).toMatchObject({ from: '2022-03-16', to: '2022-03-16', precision: 'day', status: 'detected' });
    expect(doc.source.site).toBe('北京城市副中心报');
    expect(doc.title).toBe('北京城市副中心报 2022年3月16日');
  });

  it('proposes the three articles with their titles and writers', () => {
    expect(doc.articles).toHaveLength(3);
    const [a, b, c] = doc.articles;
    expect(a).toEqual({ firstBlock: 0, title: '市支援合作工作领导小组全体会议召开', authors: ['刘菲菲', '武红利'] });
    expect(blocks[b!.firstBlock]).toMatch(/^本报讯\(记者 张群琛 通讯员 陈振\)中交三公局二公司已搬迁至宝坻/);
    expect(b!.title).toBe('中交三公局二公司已搬迁至宝坻');
    expect(b!.authors).toEqual(['张群琛', '陈振']);
    expect(blocks[c!.firstBlock]).toMatch(/^社会治理的基础在基层/);
    expect(c!.title).toMatch(/^社会治理的基础在基层/);
    expect(c!.authors).toEqual([]);
    expect(doc.source.authors).toEqual(['刘菲菲', '武红利', '张群琛', '陈振']);
  });

  it('keeps each article whole: first, middle and last lines', () => {
    expect(blocks[0]).toBe('市支援合作工作领导小组全体会议召开');
    expect(blocks[1]).toBe('蔡奇主持 陈吉宁张延昆出席');
    expect(doc.text).toContain('市领导崔述强、孙梅君、陈健、张家明、李颖津、隋振江、燕瑛,市政府秘书长戴彬彬参加。');
    expect(doc.text).toContain('2021年天津市宝坻区共承接北京项目149个。');
    expect(doc.text).toContain(
      '建成后将与北京延年益寿健康科技有限公司进行合作,引进先进管理理念,实现养老服务资源共享,联合发展。',
    );
    expect(blocks).toContain('党建引领');
    expect(blocks).toContain('形成副中心基层治理系列品牌');
    expect(blocks[blocks.length - 1]).toMatch(/开展物业服务企业专题培训,增强服务供给能力。$/);
  });

  it('re-joins lines the layout broke mid-word', () => {
    expect(doc.text).toContain('要高质量完成对口支援任务。以筑牢中华民族共同体意识为主线');
    expect(doc.text).toContain('为城市副中心高质量发展奠定坚实基础。');
    expect(doc.text).toContain('研究已建居村的集体资产管理和有效利用。');
    expect(doc.text).toContain('大数据资源,编制基层治理问题清单');
    expect(doc.text).toContain('高铁枢纽站站前区建设加快。');
    expect(doc.text).not.toMatch(/对口支援任\n|城市副\n|资产管理和\n/);
  });

  it('keeps headings separate', () => {
    const heading = doc.blocks[blocks.indexOf('市支援合作工作领导小组全体会议召开')];
    expect(heading?.type).toBe('heading');
    expect(blocks).toContain('基层治理纳入绩效管理综合考评');
  });

  it('drops the masthead lines and the jump line', () => {
    for (const gone of ['星期三', '农历壬寅年二月十四', '今日四版', '(下转2版)', '下转']) {
      expect(doc.text).not.toContain(gone);
    }
    expect(doc.dropped).toEqual(expect.arrayContaining(['星期三', '农历壬寅年二月十四 今日四版', '(下转2版)']));
  });

  it('splits into three self-contained articles, each dated 2022-03-16', () => {
    const parts = splitDocument(
      doc,
      doc.articles.map((a) => a.firstBlock),
    );
    expect(parts.map((p) => p.title)).toEqual(doc.articles.map((a) => a.title));
    for (const part of parts) {
      expect(part.published).toEqual(doc.published);
      expect(part.source.site).toBe('北京城市副中心报');
      expect(doc.text.slice(part.startOffset, part.startOffset + part.text.length)).toBe(part.text);
      expect(part.contentHash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(parts[0]!.text).toMatch(/^蔡奇主持 陈吉宁张延昆出席\n\n本报讯/);
    expect(parts[0]!.authors).toEqual(['刘菲菲', '武红利']);
    expect(parts[1]!.authors).toEqual(['张群琛', '陈振']);
    expect(parts[2]!.text).toMatch(/^社会治理的基础在基层/);
  });
});
