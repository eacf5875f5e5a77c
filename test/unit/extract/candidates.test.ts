import { describe, expect, it } from 'vitest';
import { describePassage, extractDocument } from '../../../shared/extract/extract';

const published = '2019-06-06';
const quotes = (text: string, p: string | null = published) =>
  extractDocument(text, { published: p }).candidates.map((c) => ({
    kind: c.kind,
    quote: c.quote,
    deadline: c.deadline && `${c.deadline.normalized.to} ${c.deadline.source}`,
  }));

describe('candidates: clauses that state tasks and commitments', () => {
  it('reads the issue example: a commitment due 2019-09-30 with a milestone on 2019-06-30, in 交通', () => {
    const text = '高标准建设北京大兴国际机场,实现6月底竣工验收,9月底前建成通航。';
    const passage = describePassage(text, 0, text.length - 1, { published });
    expect(passage.kind).toBe('commitment');
    expect(passage.deadline?.normalized.to).toBe('2019-09-30');
    expect(passage.deadline?.text).toBe('9月底前');
    expect(passage.deadline?.source).toBe('explicit');
    expect(passage.milestones.map((m) => m.normalized.to)).toEqual(['2019-06-30']);
    expect(passage.category).toBe('交通');
    // As suggestions, each dated step is its own commitment, with the clause before as its lead-in.
    expect(quotes(text)).toEqual([
      { kind: 'commitment', quote: '高标准建设北京大兴国际机场,实现6月底竣工验收', deadline: '2019-06-30 explicit' },
      { kind: 'commitment', quote: '9月底前建成通航', deadline: '2019-09-30 explicit' },
    ]);
  });

  it('dates "年底" against the publication date: 京张铁路年底建成通车 is due 2019-12-31', () => {
    expect(quotes('交通方面,实现京张铁路年底建成通车。')).toEqual([
      { kind: 'commitment', quote: '交通方面,实现京张铁路年底建成通车', deadline: '2019-12-31 explicit' },
    ]);
    expect(quotes('实现京张铁路年底建成通车。', '2018-03-01')[0]!.deadline).toBe('2018-12-31 explicit');
  });

  it('splits two targets into two commitments, both due by the year of their plan heading', () => {
    const text =
      '二、2019年重点任务\n继续严格执行新增产业的禁止和限制目录,调整退出一般制造业企业309家,疏解提升市场50个、物流中心16个。';
    const found = extractDocument(text, { published }).candidates;
    expect(
      found.map((c) => [c.quote, c.deadline?.normalized.to, c.deadline?.source, c.targets.map((t) => t.text)]),
    ).toEqual([
      ['继续严格执行新增产业的禁止和限制目录,调整退出一般制造业企业309家', '2019-12-31', 'section', ['309家']],
      ['疏解提升市场50个、物流中心16个', '2019-12-31', 'section', ['50个', '16个']],
    ]);
  });

  it('takes a named unit told what to do as a task, its owner normalised through the alias table', () => {
    const [task] = extractDocument('市发改委要牵头制定京津冀协同发展实施方案。', { published }).candidates;
    expect(task).toMatchObject({ kind: 'task', quote: '市发改委要牵头制定京津冀协同发展实施方案' });
    expect(task!.owners.map((o) => [o.text, o.normalized])).toEqual([['市发改委', '北京市发展和改革委员会']]);
    const custom = extractDocument('市发改委要牵头制定实施方案。', {
      published,
      aliases: { 市发改委: '发改委' },
    });
    expect(custom.candidates[0]!.owners[0]!.normalized).toBe('发改委');
  });

  it('takes the owners of a label list after the task ("牵头单位：…；责任单位：…"), roles kept', () => {
    const text =
      '二、2020年重点任务\n（一）推进城市副中心建设，年底前完成100万平方米。牵头单位：市发改委；责任单位：通州区。';
    const [item] = extractDocument(text, { published: '2020-03-01' }).candidates;
    expect(item!.quote).toBe('推进城市副中心建设，年底前完成100万平方米');
    expect(item!.owners.map((o) => [o.text, o.role])).toEqual([
      ['市发改委', 'lead'],
      ['通州区', 'responsible'],
    ]);
    expect(item!.deadline?.normalized.to).toBe('2020-12-31');
  });

  it('reads the numbered tasks of an annual plan: imperatives under a dated heading, owners in brackets after them', () => {
    const plan = [
      '二、2023年重点任务',
      '（一）有序疏解北京非首都功能',
      '1.推动部分高校向雄安新区疏解，年内完成首批项目选址。（牵头单位：市教委；责任单位：各区政府）',
      '2.完成100家一般制造业企业调整退出任务。（市经济和信息化局牵头）',
      '3.深化城市副中心建设，6月底前完成行政办公区二期主体结构封顶。',
      '4.研究制定轨道交通运营管理办法。',
      '5.2022年，全市新能源汽车保有量达到60万辆，同比增长15%。',
    ].join('\n');
    const found = extractDocument(plan, { published: '2023-03-01' }).candidates;
    expect(
      found.map((c) => [
        c.quote,
        c.deadline?.normalized.to,
        c.deadline?.source,
        c.owners.map((o) => `${o.text}:${o.role}`),
      ]),
    ).toEqual([
      [
        '推动部分高校向雄安新区疏解，年内完成首批项目选址',
        '2023-12-31',
        'explicit',
        ['市教委:lead', '各区政府:responsible'],
      ],
      ['完成100家一般制造业企业调整退出任务', '2023-12-31', 'section', ['市经济和信息化局:lead']],
      ['深化城市副中心建设，6月底前完成行政办公区二期主体结构封顶', '2023-06-30', 'explicit', []],
    ]);
  });

  it('leaves out reports of what was done, questions, general statements and directives with nobody, no date and no target', () => {
    expect(quotes('2018年,全市已调整退出一般制造业企业656家。')).toEqual([]);
    expect(quotes('去年,成立了9个专项工作小组。')).toEqual([]);
    expect(quotes('工作专班要干些什么？')).toEqual([]);
    expect(quotes('今年是新中国成立70周年,是全面建成小康社会的关键之年。')).toEqual([]);
    expect(quotes('2016年,京津冀协同发展将从顶层设计和重点突破,逐步转向全面推进落实阶段。', '2016-01-28')).toEqual([]);
    expect(quotes('坚持绿水青山就是金山银山的理念,加强区域大气污染联防联控联治。')).toEqual([]);
    // 近期 is vague: no deadline, so nothing makes this a task.
    expect(quotes('近期将发布工作要点。')).toEqual([]);
  });

  it('takes a dated directive as a task even without an owner', () => {
    expect(quotes('今年,将落实城市副中心控制性详细规划。')).toEqual([
      { kind: 'task', quote: '今年,将落实城市副中心控制性详细规划', deadline: '2019-12-31 explicit' },
    ]);
  });

  it('suggests a passage once when a teaser repeats it, keeping the later copy (the body)', () => {
    const text =
      '[摘要]副中心建设要举全市之力。市委、市政府23个部门100多名骨干将陆续进驻通州。\n市委、市政府23个部门100多名骨干将陆续进驻通州。';
    const found = extractDocument(text, { published: '2017-02-07' }).candidates;
    expect(found).toHaveLength(1);
    expect(found[0]!.start).toBe(text.lastIndexOf('市委'));
  });

  it('reads staged goals counted from the plan’s start apart from the dates (they are durations)', () => {
    const text = '按照"一年奠定基础、三年初见成效、五年全面提升"的主基调,提高基层治理水平。连续3年、2年内完成。';
    const result = extractDocument(text, { published: '2022-03-16' });
    expect(result.temporal).toEqual([]);
    expect(result.stages.map((s) => [s.text, s.normalized.from, s.normalized.to])).toEqual([
      ['一年奠定基础', '2022-01-01', '2022-12-31'],
      ['三年初见成效', '2022-01-01', '2024-12-31'],
      ['五年全面提升', '2022-01-01', '2026-12-31'],
    ]);
  });

  it('keeps offsets into the text when ranges are skipped', () => {
    const text = '<p class="x">今年,将落实规划。</p>';
    const [task] = extractDocument(text, { published, skip: [{ start: 0, end: 13 }] }).candidates;
    expect(text.slice(task!.start, task!.end)).toBe('今年,将落实规划');
  });
});
