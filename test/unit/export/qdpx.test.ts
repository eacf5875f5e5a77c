// REFI-QDA projects: unzipped with fflate, project.qde read with htmlparser2 in XML mode (and its
// nesting checked), every selection mapped back to the words it codes in its source file.
import { describe, expect, it } from 'vitest';
import { itemsByAnnotation } from '../../../shared/export/annotations-jsonld';
import { QDA_NAMESPACE, qdpx, selectionGuid, sourceGuid, type QdpxInput } from '../../../shared/export/qdpx';
import {
  A_ORPHAN,
  ANNOTATIONS,
  ASTRAL_TEXT,
  ITEMS,
  KIND_NAMES,
  PLAN,
  PLAN_TEXT,
  VILLAGE,
  annotation,
} from './export-fixtures';
import { all, child, parseXml, unzip } from '../../tools/zip-xml';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const INPUT: QdpxInput = {
  documents: [
    { ...PLAN, text: PLAN_TEXT },
    { ...VILLAGE, text: ASTRAL_TEXT },
  ],
  annotations: [
    ...ANNOTATIONS,
    annotation('01ANN7', PLAN, '协同发展', {
      noteText: 'a <note> & "quote"\u0001 here',
      color: 'purple',
      tags: ['x&y'],
    }),
  ],
  itemsByAnnotation: itemsByAnnotation(ITEMS),
  kindNames: KIND_NAMES,
  kindColors: new Map([
    ['task', 'blue'],
    ['commitment', 'green'],
  ]),
  created: new Date('2024-03-10T12:00:00.000Z'),
  projectName: 'Dossier — 京津冀',
  appVersion: '0.1.0',
};

function open(input: QdpxInput = INPUT) {
  const result = qdpx(input);
  const { files, text: decode } = unzip(result.bytes);
  const xml = decode('project.qde');
  const project = parseXml(xml).children[0]!;
  return { result, files, decode, xml, project };
}

describe('qdpx', () => {
  it('zips project.qde and one UTF-8 text per document under Sources/', () => {
    const { files, decode } = open();
    expect(Object.keys(files).sort()).toEqual(
      ['project.qde', `Sources/${sourceGuid(PLAN.id)}.txt`, `Sources/${sourceGuid(VILLAGE.id)}.txt`].sort(),
    );
    expect(decode(`Sources/${sourceGuid(VILLAGE.id)}.txt`)).toBe(ASTRAL_TEXT);
    expect(files[`Sources/${sourceGuid(PLAN.id)}.txt`]![0]).not.toBe(0xef); // no byte-order mark
  });

  it('is a well-formed Project in the REFI-QDA namespace with users, codebook and sources', () => {
    const { xml, project } = open();
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8" standalone="yes"?>')).toBe(true);
    expect(project.name).toBe('Project');
    expect(project.attributes).toMatchObject({
      xmlns: QDA_NAMESPACE,
      name: 'Dossier — 京津冀',
      origin: 'Dossier 0.1.0',
    });
    expect(project.children.map((c) => c.name)).toEqual(['Users', 'CodeBook', 'Sources']); // the schema's order
    expect(
      all(project, 'User')
        .map((u) => u.attributes.name)
        .sort(),
    ).toEqual(['Dossier', '李分析']);
    const groups = child(child(project, 'CodeBook')!, 'Codes')!.children;
    expect(groups.map((g) => [g.attributes.name, g.attributes.isCodable])).toEqual([
      ['Item kinds', 'false'],
      ['Tags', 'false'],
      ['Highlight colours', 'false'],
    ]);
    expect(groups[0]!.children.map((c) => [c.attributes.name, c.attributes.color])).toEqual([
      ['任务', '#BFDBFE'],
      ['承诺', '#BBF7D0'],
      ['custom-kind', undefined],
    ]);
    expect(groups[1]!.children.map((c) => c.attributes.name)).toContain('x&y');
    for (const code of all(project, 'Code')) {
      expect(code.attributes.guid).toMatch(GUID);
      if (code.attributes.color) expect(code.attributes.color).toMatch(/^#[0-9A-F]{6}$/);
    }
    const guids = [...xml.matchAll(/ guid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(guids).size).toBe(guids.length);
    for (const guid of guids) expect(guid).toMatch(GUID);
  });

  it('maps every selection back to the words it codes (code point positions), leaving out the orphan', () => {
    const { result, project, decode } = open();
    const byGuid = new Map(INPUT.annotations.map((a) => [selectionGuid(a.id), a]));
    const codes = new Map(all(project, 'Code').map((c) => [c.attributes.guid, c]));
    let checked = 0;
    for (const source of all(project, 'TextSource')) {
      const path = source.attributes.plainTextPath!;
      expect(path).toBe(`internal://${source.attributes.guid}.txt`);
      const text = Array.from(decode(`Sources/${path.slice('internal://'.length)}`));
      for (const selection of all(source, 'PlainTextSelection')) {
        const start = Number(selection.attributes.startPosition);
        const end = Number(selection.attributes.endPosition);
        const annotation = byGuid.get(selection.attributes.guid!)!;
        expect(text.slice(start, end).join('')).toBe(annotation.target.quote.exact);
        for (const coding of all(selection, 'Coding')) {
          const target = child(coding, 'CodeRef')!.attributes.targetGUID!;
          expect(codes.get(target)?.attributes.isCodable).toBe('true');
        }
        checked++;
      }
    }
    expect(checked).toBe(INPUT.annotations.length - 1);
    expect(result).toMatchObject({ selections: INPUT.annotations.length - 1, skipped: 1 });
    expect(byGuid.has(selectionGuid(A_ORPHAN.id))).toBe(true);
    expect(all(project, 'PlainTextSelection').map((s) => s.attributes.guid)).not.toContain(selectionGuid(A_ORPHAN.id));
  });

  it("codes a highlight with its colour, its tags, its items' tags and kinds, its notes as the description", () => {
    const { project } = open();
    const codes = new Map(all(project, 'Code').map((c) => [c.attributes.guid, c.attributes.name]));
    const selection = all(project, 'PlainTextSelection').find((s) => s.attributes.guid === selectionGuid('01ANN1'))!;
    const coded = all(selection, 'CodeRef').map((r) => codes.get(r.attributes.targetGUID!));
    expect(coded.sort()).toEqual(['Blue', 'planning; 2019', '任务', '协同发展', '规划'].sort());
    expect(child(selection, 'Description')!.text).toBe('重点任务, 年底 "必须" 完成\n\n与河北省对接');
    const odd = all(project, 'PlainTextSelection').find((s) => s.attributes.guid === selectionGuid('01ANN7'))!;
    expect(child(odd, 'Description')!.text).toBe('a <note> & "quote" here'); // the control character is dropped
  });

  it('describes each source with its origin, and escapes titles', () => {
    const { project } = open();
    const [plan, village] = all(project, 'TextSource');
    expect(plan!.attributes.name).toBe(PLAN.title);
    expect(child(plan!, 'Description')!.text).toBe(
      'Source: 北京日报\nPublished: 2019-06-06\nURL: https://www.beijing.gov.cn/zhengce/2019/yaodian.html\nAuthors: 记者 王海',
    );
    expect(village!.attributes.name).toBe('𠀋村通知, "河长制"');
  });

  it('gives the same GUIDs and XML when exported again', () => {
    expect(open().xml).toBe(open().xml);
  });
});
