// Items as CSV: what Excel needs (BOM, CRLF, RFC 4180 quoting), what a spreadsheet must not run
// (formula-like cells), and the columns an analyst reads, read back with a strict RFC 4180 reader.
import { describe, expect, it } from 'vitest';
import { CSV_BOM, ITEM_CSV_COLUMNS, csvCell, itemsCsv } from '../../../shared/export/items-csv';
import type { ItemRecord } from '../../../shared/model/types';
import { parseCsv } from './csv-reader';
import { I_FORMULA, I_FOREST, I_TONGZHOU, I_UNDATED, I_VILLAGE, ITEMS, LOOKUPS, item } from './export-fixtures';

const TODAY = '2024-01-15';

function table(items: readonly ItemRecord[]) {
  const csv = itemsCsv(items, LOOKUPS, TODAY);
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  const [header, ...rows] = parseCsv(csv.slice(CSV_BOM.length));
  expect(header).toEqual([...ITEM_CSV_COLUMNS]);
  for (const row of rows) expect(row).toHaveLength(ITEM_CSV_COLUMNS.length);
  const column = (row: string[], name: (typeof ITEM_CSV_COLUMNS)[number]) => row[ITEM_CSV_COLUMNS.indexOf(name)]!;
  return { csv, rows, column };
}

describe('csvCell', () => {
  it('quotes fields holding a quote, comma or line end, doubling quotes (RFC 4180)', () => {
    expect(csvCell('plain 中文')).toBe('plain 中文');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('')).toBe('');
  });

  it('puts an apostrophe before anything a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}1+1`).replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
    }
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvCell('1-2')).toBe('1-2'); // only a leading character counts
  });
});

describe('itemsCsv', () => {
  it('starts with a BOM and the header, one CRLF-terminated record per item', () => {
    const { csv, rows } = table(ITEMS);
    expect(rows).toHaveLength(ITEMS.length);
    expect(csv.replace(/\r\n/g, '').includes('\r')).toBe(false);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes an item: its kind by name, passage, owners lead first with roles, deadline, link', () => {
    const { rows, column } = table([I_TONGZHOU]);
    const row = rows[0]!;
    expect(column(row, 'Kind')).toBe('任务');
    expect(column(row, 'Status')).toBe('open');
    expect(column(row, 'Passage')).toBe('推进通州区与北三县协同发展，2019年底前完成规划编制。');
    expect(column(row, 'Owners')).toBe('北京市发展和改革委员会 (lead); 北京市通州区人民政府 (responsible)');
    expect(column(row, 'Deadline from')).toBe('2019-01-01');
    expect(column(row, 'Deadline to')).toBe('2019-12-31');
    expect(column(row, 'Deadline precision')).toBe('year');
    expect(column(row, 'Deadline words')).toBe('2019年底前');
    expect(column(row, 'Category')).toBe('协同发展');
    expect(column(row, 'Tags')).toBe('规划');
    expect(column(row, 'Note')).toBe('与河北省对接');
    expect(column(row, 'Document')).toBe('北京市推进京津冀协同发展2019年工作要点');
    expect(column(row, 'Source')).toBe('北京日报');
    expect(column(row, 'Source URL')).toBe('https://www.beijing.gov.cn/zhengce/2019/yaodian.html');
    expect(column(row, 'Published')).toBe('2019-06-06');
    expect(column(row, 'Overdue')).toBe('yes');
    expect(column(row, 'Item ID')).toBe('01ITEM1');
    expect(column(row, 'Link')).toBe('app://dossier/index.html#/doc/01PLAN/a/01ANN1');
  });

  it('marks only pending items past their deadline as overdue', () => {
    const { rows, column } = table([I_TONGZHOU, I_FOREST, I_FORMULA, I_VILLAGE, I_UNDATED]);
    expect(rows.map((r) => column(r, 'Overdue'))).toEqual(['yes', 'no', 'no', 'yes', 'no']);
  });

  it('neutralises formula-like passages and titles, and keeps quotes and commas in one field', () => {
    const { rows, column } = table([I_FORMULA, I_UNDATED]);
    expect(column(rows[0]!, 'Passage')).toBe(`'=HYPERLINK("http://evil.example","点击")，市财政局负责。`);
    expect(column(rows[0]!, 'Kind')).toBe('custom-kind'); // a kind the lookups do not know: its id
    expect(column(rows[1]!, 'Passage')).toBe(`'@mention: 设立九大专项工作小组`);
    expect(column(rows[1]!, 'Link')).toBe(''); // no document
  });

  it('writes a month publication date as a range and targets by their words', () => {
    const { rows, column } = table([I_VILLAGE, I_FOREST]);
    expect(column(rows[0]!, 'Published')).toBe('2020-05-01/2020-05-31');
    expect(column(rows[0]!, 'Document')).toBe('𠀋村通知, "河长制"');
    expect(column(rows[1]!, 'Targets')).toBe('90项');
  });

  it('builds 20,000 items in well under a second', () => {
    const many = Array.from({ length: 20_000 }, (_, i) =>
      item(`bulk-${i}`, { ...I_TONGZHOU, id: `bulk-${i}`, noteText: `第${i}项, "备注"` }),
    );
    const started = performance.now();
    const csv = itemsCsv(many, LOOKUPS, TODAY);
    const elapsed = performance.now() - started;
    expect(csv.split('\r\n')).toHaveLength(20_002); // header, rows, and the empty string after the last CRLF
    expect(elapsed).toBeLessThan(1500);
  });
});
