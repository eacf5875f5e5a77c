// Re-joining paragraphs the newspaper layout broke mid-sentence, without merging headings.
import { describe, expect, it } from 'vitest';
import { continues, rejoinBlocks } from '../../../shared/ingest/rejoin';
import { parseText } from '../../../shared/ingest/text';

const join = (text: string) => rejoinBlocks(parseText(text).blocks).map((b) => b.text);

describe('rejoinBlocks', () => {
  it('joins a word broken across blocks ("任" / "务。")', () => {
    expect(join('会议强调,要高质量完成对口支援任\n\n务。以筑牢中华民族共同体意识为主线。')).toEqual([
      '会议强调,要高质量完成对口支援任务。以筑牢中华民族共同体意识为主线。',
    ]);
  });

  it('joins "为城市副" / "中心…" and "管理和" / "有效利用。"', () => {
    expect(join('首次推出了基层治理顶层设计,提高基层治理水平,为城市副\n\n中心高质量发展奠定坚实基础。')).toEqual([
      '首次推出了基层治理顶层设计,提高基层治理水平,为城市副中心高质量发展奠定坚实基础。',
    ]);
    expect(join('探索新建街道与乡镇对村的共同管理机制,研究已建居村的集体资产管理和\n\n\n\n有效利用。')).toEqual([
      '探索新建街道与乡镇对村的共同管理机制,研究已建居村的集体资产管理和有效利用。',
    ]);
  });

  it('keeps headings, finished sentences, colons and bylines separate', () => {
    const cases = [
      '市支援合作工作领导小组全体会议召开\n\n蔡奇主持 陈吉宁张延昆出席',
      '蔡奇主持 陈吉宁张延昆出席\n\n本报讯(记者 刘菲菲 武红利)昨天上午,市支援合作工作领导小组召开全体会议。',
      '市领导崔述强、孙梅君、陈健出席会议并讲话。\n\n会议强调,要巩固拓展脱贫成果。',
      '专班工作目前有两大重点:\n\n与属地一起合作,全面提高城市管理标准。',
      '她认为北京应该先努力做好自己的养老事业,带动共同发展。文/本报记者 李泽伟\n\n北京优质医疗资源输出',
    ];
    for (const text of cases) expect(join(text)).toHaveLength(2);
  });

  it('does not join a paragraph missing its full stop to a new paragraph that opens like one', () => {
    expect(
      join(
        '加强村庄供水治理,通过供水管线改造和自备井置换,纳入市政供水系统\n\n在农村地区治理方面,《工作意见》要求,开展饮用水安全治理。',
      ),
    ).toHaveLength(2);
    expect(join('1、与属地一起合作,全面提高城市管理标准\n\n2、聚焦城市规划设计等12个领域')).toHaveLength(2);
    expect(
      join(
        '2、聚焦城市规划设计、交通管理服务等12个领域,以这些为重点突破带动全面提升\n\n其实,在这之前,不少委办局做了探索。',
      ),
    ).toHaveLength(2);
  });

  it('joins a punctuated line mistaken for a heading when the next line clearly continues it', () => {
    const [a, b] = parseText('会议强调,要高质量完成对口支援任\n\n务。以筑牢中华民族共同体意识为主线。').blocks;
    expect(a!.type).toBe('heading');
    expect(continues(a!, b!)).toBe(true);
  });

  it('only joins across removed lines on strong evidence', () => {
    const [a, b] = parseText(
      '如市交通委,之前就成立了城市副中心建设交通领域推进领导小组,还设立了工程建设前线指挥部暨市交通委\n\n对接工作小组,这也成为工作专班。',
    ).blocks;
    expect(continues(a!, b!)).toBe(true);
    expect(continues(a!, { ...b!, afterCut: true })).toBe(false);
    expect(continues(a!, { ...b!, text: '，对接工作小组。', afterCut: true })).toBe(true);
  });
});
