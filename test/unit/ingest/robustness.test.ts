// Whatever the bytes, the import returns an outcome (never throws) and a well-formed
// document; pathological pages finish in linear time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../shared/ingest/ingest';
import { expectWellFormed, ingestText } from './helpers';

const names = fc.constantFrom('a.txt', 'a.md', 'a.html');
const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n\n');

describe('robustness', () => {
  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(names, fc.uint8Array({ maxLength: 2000 }), (name, bytes) => {
        const outcome = ingest({ name, bytes });
        if (outcome.ok) expectWellFormed({ ...outcome.doc, articles: [{ firstBlock: 0, title: '', authors: [] }] });
      }),
      { numRuns: 300 },
    );
  });

  it('yields well-formed documents from arbitrary page-like text', () => {
    const piece = fc.constantFrom(
      '\n', '\n\n', '。', '，', ' ', '<p>', '</p>', '<div class="nav">', '</div>', '<script>', '# ', '- ', '| a |',
      '---\n', 'title: 标题\n', '本报讯(记者 张三)', '京ICP备1号', '2019年6月6日', '相关新闻', '原标题：', '今天(2月7日)',
      '会议强调,要高质量完成对口支援任', '务。', '&amp;', '\u0301', '𠀀', 'abc', '市支援合作工作领导小组全体会议召开',
    ); // prettier-ignore
    fc.assert(
      fc.property(names, fc.array(piece, { maxLength: 80 }), (name, pieces) => {
        const outcome = ingestText(name, pieces.join(''));
        if (outcome.ok) expectWellFormed({ ...outcome.doc, articles: [{ firstBlock: 0, title: '', authors: [] }] });
        else expect(['empty', 'no-text']).toContain(outcome.refusal.code);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['one 3 MB line without punctuation', '京津冀协同发展'.repeat(150_000)],
    ['100k lines that each break off mid-sentence', lines(100_000, (i) => `第${i}项要求是要高质量完成对口支援,任务`)],
    ['100k headline-like lines', lines(100_000, (i) => `农业农村部部署第${i}项工作 落实抗旱保苗关键措施`)],
    [
      '100k footer-like lines',
      '京ICP备17013113号\n'.repeat(100_000) + '这是正文的一段话，内容充实，足以被识别为正文。',
    ],
    [
      'prose with a long related-news tail',
      '这是正文的一段话，内容充实，足以被识别为正文。\n'.repeat(50_000) +
        '甲地发布新规 涉及多个领域\n  新华社北京3月1日电 2021年某部门发布新规某某网\n'.repeat(20_000),
    ],
  ])('handles %s quickly', (_label, text) => {
    const t0 = performance.now();
    const outcome = ingestText('big.txt', text);
    expect(performance.now() - t0).toBeLessThan(8000);
    expect(outcome.ok).toBe(true);
  });
});
