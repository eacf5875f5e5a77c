import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseQuery, stem, termFrequencies, tokenize } from '../../../shared/search/tokenize';

const terms = (text: string, kind?: string) =>
  tokenize(text)
    .filter((t) => !kind || t.kind === kind)
    .map((t) => t.term);

describe('tokenize: Chinese', () => {
  it('cuts a run of Chinese characters into bigrams, so part of a word finds the word', () => {
    expect(terms('京津冀协同发展', 'gram')).toEqual(['京津', '津冀', '冀协', '协同', '同发', '发展']);
    // 京津 (inside 京津冀) and 协同 (inside 协同发展) are terms of the text.
    expect(terms('推进京津冀协同发展')).toEqual(expect.arrayContaining(['京津', '协同']));
  });

  it('keeps a two-character word as one term, and a lone character as itself', () => {
    expect(terms('疏解')).toEqual(['疏解']);
    expect(terms('309家企业', 'char')).toEqual([]);
    expect(terms('完成309家，')).toEqual(['完成', '309', '家']);
  });

  it('adds, on request, the longer words the segmenter finds (three characters or more)', () => {
    const words = tokenize('中华人民共和国国务院办公厅', { words: true })
      .filter((t) => t.kind === 'word')
      .map((t) => t.term);
    expect(words.length).toBeGreaterThan(0);
    for (const w of words) expect([...w].length).toBeGreaterThanOrEqual(3);
  });

  it('breaks runs at punctuation and white space: no bigram spans a comma', () => {
    expect(terms('疏解，整治')).toEqual(['疏解', '整治']);
    expect(terms('疏解\n整治')).toEqual(['疏解', '整治']);
  });

  it('gives offsets into the text, surrogate pairs counted as one character', () => {
    const text = '一、𠀋京津';
    const tokens = tokenize(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['一', '𠀋京', '京津']);
  });

  it('reads Kangxi radicals from PDFs as the characters they look like (NFKC)', () => {
    expect(terms('⼼脏')).toEqual(['心脏']);
  });

  it('segments a long run without punctuation in bounded pieces', () => {
    const long = '京津冀协同发展'.repeat(2000);
    const t0 = performance.now();
    const tokens = tokenize(long, { words: true });
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(tokens.filter((t) => t.kind === 'gram')).toHaveLength(long.length - 1);
  });
});

describe('tokenize: English and numbers', () => {
  it('lower-cases Latin words and stems plurals and -ing/-ed lightly', () => {
    expect(terms('Plans new POLICIES')).toEqual(['plan', 'plans', 'new', 'policy', 'policies']);
    expect(stem('planning')).toBe('plan');
    expect(stem('planned')).toBe('plan');
    expect(stem('process')).toBe('process');
    expect(stem('processes')).toBe('process');
    expect(stem('status')).toBe('status');
    expect(stem('string')).toBe('string');
    expect(stem('speed')).toBe('speed');
  });

  it('keeps numbers whole and reads full-width letters and digits as ASCII', () => {
    expect(terms('2019 ２０１９ ＡＢＣ')).toEqual(['2019', '2019', 'abc']);
    expect(terms('１.７万亿元')).toEqual(['1', '7', '万亿', '亿元']);
    expect(terms('5G network')).toEqual(['5g', 'network']);
  });
});

describe('tokenize: mixed Chinese and English', () => {
  it('splits where the script changes', () => {
    expect(terms('2019年完成5G网络建设，Beijing副中心')).toEqual([
      '2019',
      '年完',
      '完成',
      '5g',
      '网络',
      '络建',
      '建设',
      'beij',
      'beijing',
      '副中',
      '中心',
    ]);
  });

  it('gives a text and a query about it the same terms', () => {
    const text = tokenize('北京市推进京津冀协同发展2019年工作要点 (Work Points)').map((t) => t.term);
    for (const word of parseQuery('京津冀 协同 2019 work points').words) {
      for (const term of word.terms) expect(text).toContain(term);
    }
  });
});

describe('parseQuery', () => {
  it('makes words of each Chinese run and each Latin word, with their terms', () => {
    expect(parseQuery('京津 疏解 Policies')).toEqual({
      words: [
        { text: '京津', cjk: true, terms: ['京津'] },
        { text: '疏解', cjk: true, terms: ['疏解'] },
        { text: 'policies', cjk: false, terms: ['policy'] },
      ],
      phrases: [],
    });
  });

  it('segments a long Chinese run into words, keeping the run as a phrase', () => {
    const query = parseQuery('协同发展');
    expect(query.words.map((w) => w.text)).toEqual(['协同', '发展']);
    expect(query.phrases).toEqual([{ text: '协同发展', cjk: true, terms: ['协同', '同发', '发展'] }]);
  });

  it('never leaves a character on its own where the segmenter cut a word apart (疏|解, 京津|冀)', () => {
    expect(parseQuery('疏解').words.map((w) => w.text)).toEqual(['疏解']);
    expect(parseQuery('疏解非首都功能').words.every((w) => [...w.text].length >= 2)).toBe(true);
    expect(
      parseQuery('京津冀')
        .words.map((w) => w.text)
        .join(''),
    ).toBe('京津冀');
    expect(parseQuery('京津冀').words.every((w) => [...w.text].length >= 2)).toBe(true);
  });

  it('splits a mixed query where the script changes, and drops repeated words and punctuation', () => {
    expect(parseQuery('“疏解”2019年 疏解').words.map((w) => w.text)).toEqual(['疏解', '2019', '年']);
    expect(parseQuery('5G网络').words.map((w) => w.text)).toEqual(['5g', '网络']);
  });
});

describe('termFrequencies, the indexer path', () => {
  it('counts exactly the terms tokenize gives, on any mix of scripts', () => {
    const pieces = [
      '京津冀',
      '协同发展',
      '，',
      ' ',
      '2019',
      '年',
      'Plans',
      'ＡＢＣ',
      '⼼',
      '𠀋',
      'ｶﾀ',
      '\n',
      'é',
      '。',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const expected = new Map<string, number>();
        for (const t of tokenize(text)) expected.set(t.term, (expected.get(t.term) ?? 0) + 2);
        expect(termFrequencies(text, 2)).toEqual(expected);
      }),
    );
  });
});
