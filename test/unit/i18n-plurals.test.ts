// Plurals in translated texts: "1 record", "2 records", "Nothing new" for none, in English and
// Chinese (no plural forms: "1 条记录"), whether a count comes as a number or already formatted.
import { describe, expect, it } from 'vitest';
import { formatMessage, translator } from '../../renderer/i18n/i18n';
import { LANGUAGES, type Language, type StringKey } from '../../renderer/i18n/strings';

const en = translator('en');
const zh = translator('zh');

describe('the plural mechanism', () => {
  const message = '{count, plural, =0 {none} one {# item of {owner}} other {# items of {owner}}}';

  it('picks the branch by the language’s plural rules, exact matches first', () => {
    expect(formatMessage(message, { count: 0, owner: 'A' }, 'en')).toBe('none');
    expect(formatMessage(message, { count: 1, owner: 'A' }, 'en')).toBe('1 item of A');
    expect(formatMessage(message, { count: 2, owner: 'A' }, 'en')).toBe('2 items of A');
    expect(formatMessage(message, { count: 1234, owner: 'A' }, 'en')).toBe('1,234 items of A');
    // Chinese has only "other".
    expect(formatMessage(message, { count: 1, owner: 'A' }, 'zh')).toBe('1 items of A');
  });

  it('reads a count passed already formatted', () => {
    expect(formatMessage(message, { count: '1', owner: 'A' }, 'en')).toBe('1 item of A');
    expect(formatMessage(message, { count: '1,234', owner: 'A' }, 'en')).toBe('1,234 items of A');
    expect(formatMessage(message, { count: '0', owner: 'A' }, 'en')).toBe('none');
  });

  it('leaves plain placeholders, # outside plurals and other braces as they were', () => {
    expect(formatMessage('{year} H1 #1 {not a placeholder}', { year: 2024 }, 'en')).toBe(
      '2024 H1 #1 {not a placeholder}',
    );
    expect(formatMessage('{missing}', undefined, 'en')).toBe('');
    expect(formatMessage('{count, plural, one {# x}', { count: 1 }, 'en')).toBe('{count, plural, one {# x}');
  });

  it('nests plurals, each with its own #', () => {
    const nested = '{a, plural, one {# a and {b, plural, one {# b} other {# bs}}} other {# as}}';
    expect(formatMessage(nested, { a: 1, b: 3 }, 'en')).toBe('1 a and 3 bs');
  });

  it('every message of both languages renders without plural syntax left over', () => {
    for (const language of Object.keys(LANGUAGES) as Language[]) {
      const t = translator(language);
      for (const key of Object.keys(LANGUAGES[language]) as StringKey[]) {
        for (const n of [0, 1, 2]) {
          const params = new Proxy({}, { get: () => n }) as Record<string, number>;
          const text = t(key, params);
          expect(text, `${language} ${key}`).not.toMatch(/,\s*plural\s*,|\b(one|other) \{/);
        }
      }
    }
  });
});

/** Each sync text for 0, 1 and 2, in English and Chinese. */
function counts(key: StringKey, params: (n: number) => Record<string, string | number>) {
  return {
    en: [0, 1, 2].map((n) => en(key, params(n))),
    zh: [0, 1, 2].map((n) => zh(key, params(n))),
  };
}

describe('sync texts count in words', () => {
  it('the import outcome: nothing new, one record, two records', () => {
    const done = counts('bundleDone', (n) => ({ written: n, documents: n }));
    expect(done.en).toEqual([
      'Nothing new: everything in this bundle is already in your library.',
      'Imported: 1 record changed, 1 document added.',
      'Imported: 2 records changed, 2 documents added.',
    ]);
    expect(done.zh).toEqual([
      '没有新内容：此数据包中的一切都已在你的资料库中。',
      '已导入：1 条记录有变化，新增 1 篇文档。',
      '已导入：2 条记录有变化，新增 2 篇文档。',
    ]);
    // The zero-change outcome says what the dialog says.
    expect(done.en[0]).toBe(en('bundleNothingNew'));
    expect(done.zh[0]).toBe(zh('bundleNothingNew'));
    // No documents added: not mentioned.
    expect(en('bundleDone', { written: 3, documents: 0 })).toBe('Imported: 3 records changed.');
    expect(zh('bundleDone', { written: 3, documents: 0 })).toBe('已导入：3 条记录有变化。');
  });

  it('the import outcome with conflicts', () => {
    const done = counts('bundleDoneConflicts', (n) => ({ written: n + 1, documents: n, conflicts: n || 1 }));
    expect(done.en).toEqual([
      'Imported: 1 record changed, 1 conflict to review.',
      'Imported: 2 records changed, 1 document added, 1 conflict to review.',
      'Imported: 3 records changed, 2 documents added, 2 conflicts to review.',
    ]);
    expect(done.zh).toEqual([
      '已导入：1 条记录有变化，1 个冲突待处理。',
      '已导入：2 条记录有变化，新增 1 篇文档，1 个冲突待处理。',
      '已导入：3 条记录有变化，新增 2 篇文档，2 个冲突待处理。',
    ]);
  });

  it('highlights re-anchored and left orphaned', () => {
    const texts = counts('bundleReanchoredOutcome', (n) => ({ reanchored: n, orphaned: n }));
    expect(texts.en).toEqual([
      '0 highlights re-anchored on changed texts.',
      '1 highlight re-anchored on changed texts; 1 could not be placed (kept as an orphan).',
      '2 highlights re-anchored on changed texts; 2 could not be placed (kept as orphans).',
    ]);
    expect(texts.zh[1]).toBe('正文有变化的文档中，1 处标注已重新定位；1 处无法定位（保留为孤立标注）。');
  });

  it('the conflict count and the differing fields', () => {
    expect(counts('conflictsCount', (count) => ({ count }))).toEqual({
      en: ['0 conflicts', '1 conflict', '2 conflicts'],
      zh: ['0 个冲突', '1 个冲突', '2 个冲突'],
    });
    expect(en('conflictsCount', { count: 1234 })).toBe('1,234 conflicts');
    expect(counts('conflictDifferingCount', (count) => ({ count }))).toEqual({
      en: ['0 fields differ', '1 field differs', '2 fields differ'],
      zh: ['0 个字段不同', '1 个字段不同', '2 个字段不同'],
    });
  });

  it('the preview’s warnings and filter', () => {
    expect(counts('bundleDangling', (count) => ({ count })).en).toEqual([
      '0 references point to records neither side has; they are kept.',
      '1 reference points to a record neither side has; it is kept.',
      '2 references point to records neither side has; they are kept.',
    ]);
    expect(counts('bundleTextsMissing', (count) => ({ count })).en[1]).toBe(
      '1 document arrives without its text (neither side has it); it is listed but cannot be read yet.',
    );
    expect(counts('bundleClashes', (count) => ({ count })).en[1]).toMatch(/^1 record came with a revision/);
    expect(counts('bundleFilterDocuments', (count) => ({ count }))).toEqual({
      en: ['0 documents', '1 document', '2 documents'],
      zh: ['0 篇文档', '1 篇文档', '2 篇文档'],
    });
    expect(counts('bundleWaiting', (count) => ({ count })).en).toEqual([
      '0 more bundles are waiting to be imported after this one.',
      '1 more bundle is waiting to be imported after this one.',
      '2 more bundles are waiting to be imported after this one.',
    ]);
    expect(zh('bundleWaiting', { count: 1 })).toBe('此后还有 1 个数据包等待导入。');
  });

  it('sharing: what the bundle holds and what the library holds', () => {
    expect(counts('bundleSent', (n) => ({ location: 'a.dossier', records: n, documents: n }))).toEqual({
      en: [
        'Bundle saved: a.dossier (0 records, 0 documents)',
        'Bundle saved: a.dossier (1 record, 1 document)',
        'Bundle saved: a.dossier (2 records, 2 documents)',
      ],
      zh: [
        '数据包已保存：a.dossier（0 条记录，0 篇文档）',
        '数据包已保存：a.dossier（1 条记录，1 篇文档）',
        '数据包已保存：a.dossier（2 条记录，2 篇文档）',
      ],
    });
    expect(counts('bundleEverythingHint', (n) => ({ documents: n, highlights: n, items: n })).en).toEqual([
      'Your whole library: 0 documents, 0 highlights, 0 items.',
      'Your whole library: 1 document, 1 highlight, 1 item.',
      'Your whole library: 2 documents, 2 highlights, 2 items.',
    ]);
    expect(zh('bundleEverythingHint', { documents: 1, highlights: 2, items: 0 })).toBe(
      '整个资料库：1 篇文档、2 处标注、0 个事项。',
    );
  });

  it('the shared folder: results and notices, with formatted counts as its panel passes them', () => {
    expect(counts('sharedFolderResultImported', (n) => ({ count: n.toLocaleString() }))).toEqual({
      en: ['Up to date', '1 change imported', '2 changes imported'],
      zh: ['已是最新', '导入了 1 处更改', '导入了 2 处更改'],
    });
    expect(counts('sharedFolderResultConflicts', (n) => ({ count: n }))).toEqual({
      en: ['0 conflicts', '1 conflict', '2 conflicts'],
      zh: ['0 个冲突', '1 个冲突', '2 个冲突'],
    });
    expect(counts('sharedFolderImported', (n) => ({ count: n.toLocaleString(), analyst: '李四' }))).toEqual({
      en: [
        'Nothing new in 李四’s bundle',
        'Imported 1 change from 李四’s bundle',
        'Imported 2 changes from 李四’s bundle',
      ],
      zh: ['李四的数据包中没有新内容', '已从李四的数据包导入 1 处更改', '已从李四的数据包导入 2 处更改'],
    });
    expect(
      counts('sharedFolderImportedConflicts', (n) => ({ count: n + 1, conflicts: n + 1, analyst: '李四' })).en,
    ).toEqual([
      'Imported 1 change from 李四’s bundle — 1 conflict to review',
      'Imported 2 changes from 李四’s bundle — 2 conflicts to review',
      'Imported 3 changes from 李四’s bundle — 3 conflicts to review',
    ]);
    expect(zh('sharedFolderImportedConflicts', { count: 1, conflicts: 2, analyst: '李四' })).toBe(
      '已从李四的数据包导入 1 处更改，2 个冲突待查看',
    );
  });

  it('no sync text in English says "1 …s"', () => {
    const sync = (Object.keys(LANGUAGES.en) as StringKey[]).filter((k) =>
      /^(bundle|sync|conflict|sharedFolder)/.test(k),
    );
    for (const key of sync) {
      const params = new Proxy({}, { get: () => 1 }) as Record<string, number>;
      expect(en(key, params), key).not.toMatch(
        /\b1 (records|documents|conflicts|changes|highlights|items|references|bundles|fields)\b/,
      );
    }
  });
});
