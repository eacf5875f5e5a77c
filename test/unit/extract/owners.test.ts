// Owners: units, bodies and people named in policy text, and the alias table that makes
// 市发改委 and 北京市发展和改革委员会 one owner.
import { describe, expect, it } from 'vitest';
import { BUILT_IN_ALIASES, aliasTable, normalizeOwner } from '../../../shared/extract/aliases';
import { clauseOwners, findOwners } from '../../../shared/extract/owners';

/** The owners of a clause as written. */
const owners = (clause: string) => clauseOwners(clause, 0).map((o) => o.text);

describe('aliases', () => {
  it('normalises the alias and the full name to the same canonical name', () => {
    expect(normalizeOwner('市发改委', BUILT_IN_ALIASES)).toBe('北京市发展和改革委员会');
    expect(normalizeOwner('北京市发展和改革委员会', BUILT_IN_ALIASES)).toBe('北京市发展和改革委员会');
    expect(normalizeOwner('市教委', BUILT_IN_ALIASES)).toBe('北京市教育委员会');
    expect(normalizeOwner('市委研究室', BUILT_IN_ALIASES)).toBe('中共北京市委研究室');
    expect(normalizeOwner('国家发改委', BUILT_IN_ALIASES)).toBe('国家发展和改革委员会');
  });

  it('reads a city-prefixed alias as the alias (北京市发改委)', () => {
    expect(normalizeOwner('北京市发改委', BUILT_IN_ALIASES)).toBe('北京市发展和改革委员会');
    expect(normalizeOwner('北京市委研究室', BUILT_IN_ALIASES)).toBe('中共北京市委研究室');
  });

  it('leaves unknown names as written', () => {
    expect(normalizeOwner('人口调控工作小组', BUILT_IN_ALIASES)).toBe('人口调控工作小组');
  });

  it("merges the analyst's entries over the built-in ones, theirs winning", () => {
    const table = aliasTable({ 市发改委: '发改委(北京)', 副中心办: '北京城市副中心工作办公室' });
    expect(normalizeOwner('市发改委', table)).toBe('发改委(北京)');
    expect(normalizeOwner('副中心办', table)).toBe('北京城市副中心工作办公室');
    expect(normalizeOwner('市教委', table)).toBe('北京市教育委员会');
    expect(BUILT_IN_ALIASES.get('市发改委')).toBe('北京市发展和改革委员会');
  });

  it('follows a renamed canonical name, so alias and full name still agree', () => {
    const table = aliasTable({ 北京市发展和改革委员会: '发改委' });
    expect(normalizeOwner('市发改委', table)).toBe('发改委');
    expect(normalizeOwner('北京市发展和改革委员会', table)).toBe('发改委');
  });

  it('uses the analyst table in extraction', () => {
    const table = aliasTable({ 副中心办: '北京城市副中心工作办公室' });
    expect(clauseOwners('副中心办要加快推进', 0, table)[0]?.normalized).toBe('北京城市副中心工作办公室');
    expect(findOwners('会同副中心办研究', table).map((o) => o.normalized)).toContain('北京城市副中心工作办公室');
  });
});

describe('clauseOwners: role phrases', () => {
  it('由X牵头 names the lead', () => {
    const [owner] = clauseOwners('由市发改委牵头', 0);
    expect(owner).toMatchObject({
      text: '市发改委',
      start: 1,
      end: 5,
      role: 'lead',
      normalized: '北京市发展和改革委员会',
    });
  });

  it('reads labelled lists: 牵头单位 → lead, 责任单位 → responsible', () => {
    const found = clauseOwners('牵头单位：市教委；责任单位：通州区、市委研究室', 0);
    expect(found.map((o) => [o.text, o.role])).toEqual([
      ['市教委', 'lead'],
      ['通州区', 'responsible'],
      ['市委研究室', 'responsible'],
    ]);
    expect(found[2]?.normalized).toBe('中共北京市委研究室');
  });

  it('ends a labelled list at the next label, even after a comma', () => {
    const found = clauseOwners('(牵头单位:市发改委,责任单位:各区政府)', 0);
    expect(found.map((o) => [o.text, o.role])).toEqual([
      ['市发改委', 'lead'],
      ['各区政府', 'responsible'],
    ]);
  });

  it('由…组成 lists the member units and drops the "等部门" tail', () => {
    expect(owners('人口调控工作小组(由市发改委、市教委、市公安局、市人力社保局等部门组成)')).toEqual([
      '市发改委',
      '市教委',
      '市公安局',
      '市人力社保局',
    ]);
  });

  it('由 lists may name people', () => {
    const found = clauseOwners('由郭金龙书记、王安顺市长牵头设立推进京津冀协同发展领导小组', 0);
    expect(found.map((o) => [o.person?.name, o.person?.title, o.role])).toEqual([
      ['郭金龙', '书记', 'lead'],
      ['王安顺', '市长', 'lead'],
    ]);
  });

  it('由于 and 负责人 are not role phrases', () => {
    expect(owners('由于京津冀协同发展已规划至2030年')).toEqual([]);
    expect(owners('通州区负责人说')).toEqual([]);
  });

  it('对X而言 names the place or unit', () => {
    expect(owners('对北京市而言')).toEqual(['北京市']);
  });
});

describe('clauseOwners: the unit subject', () => {
  it('X牵头 makes X the lead; other cues make it responsible', () => {
    const found = clauseOwners('市领导小组牵头抓总,各区各相关部门扛起责任,各前指和挂职干部团队抓好任务落实', 0);
    expect(found.map((o) => [o.text, o.role])).toEqual([
      ['市领导小组', 'lead'],
      ['各区各相关部门', 'responsible'],
      ['各前指和挂职干部团队', 'responsible'],
    ]);
  });

  it('finds subjects before modal cues', () => {
    expect(owners('工作专班要围绕北京城市副中心功能定位')).toEqual(['工作专班']);
    expect(owners('区级各责任单位要与派驻专班建立好工作对接机制')).toEqual(['区级各责任单位']);
    expect(owners('这23个部门将组成由1名局级领导带队、人数不少于5人的工作小组')).toEqual(['这23个部门']);
    expect(owners('市应急管理局要加强值守')).toEqual(['市应急管理局']);
    expect(owners('北京市人大常委会要加强监督')).toEqual(['北京市人大常委会']);
  });

  it('skips leading connectives, list markers and times', () => {
    expect(owners('除此之外其他承接平台也要担负起集聚高新企业的重要职能')).toEqual(['其他承接平台']);
    expect(owners('“像人口调控工作小组,正在按照既定的5年规划任务')).toEqual(['人口调控工作小组']);
    expect(owners('2017年底四大市级机关和相关市属行政部门率先启动搬迁')).toEqual(['四大市级机关', '相关市属行政部门']);
  });

  it('bridges a comma and adverbs between subject and cue', () => {
    expect(owners('生态环境保护工作小组,则是在制定今年大气污染防治条例相关的实施办法')).toEqual([
      '生态环境保护工作小组',
    ]);
    expect(owners('区基层治理工作专班成员单位,要按照《工作意见》的要求')).toEqual(['区基层治理工作专班成员单位']);
  });

  it('reads a clause that is only a unit as the topic of what follows', () => {
    expect(owners('区基层治理工作专班成员单位')).toEqual(['区基层治理工作专班成员单位']);
    expect(owners('如人口调控工作小组')).toEqual(['人口调控工作小组']);
    // A verb phrase ending in a unit is no topic.
    expect(owners('设立九大专项工作小组')).toEqual([]);
    expect(owners('对于每一个专项工作小组')).toEqual([]);
  });

  it('finds a subject in each comma clause', () => {
    expect(owners('推进市区融合、重心下移,尽快形成市区深度融合工作机制,工作小组要做到进驻不旁观')).toEqual([
      '工作小组',
    ]);
  });

  it('accepts 是 only as …责任人 or 是在', () => {
    expect(owners('街乡镇党(工)委书记是基层治理第一责任人,要按照"一街乡镇一策"原则')).toEqual(['街乡镇党(工)委书记']);
    expect(owners('北京市是首都')).toEqual([]);
  });

  it('takes places acting as owners', () => {
    expect(owners('北京在疏解的同时,也要发挥自身科技中心的作用')).toEqual(['北京']);
    expect(owners('天津、河北要主动对接')).toEqual(['天津', '河北']);
  });

  it('keeps a subject whole when a count makes the head shared, and reads members as the unit', () => {
    expect(owners('市委、市政府23个部门100多名骨干将陆续进驻通州')).toEqual(['市委、市政府23个部门']);
  });

  it('splits a coordinated subject only when each part is a unit', () => {
    expect(owners('各前指和挂职干部团队抓好任务落实')).toEqual(['各前指和挂职干部团队']);
    expect(owners('北京市发展和改革委员会要牵头')).toEqual(['北京市发展和改革委员会']);
    expect(owners('市发改委、市教委等部门要抓紧落实')).toEqual(['市发改委', '市教委']);
  });

  it('returns [] when the subject is not a unit', () => {
    expect(owners('调整退出一般制造业企业309家')).toEqual([]);
    expect(owners('我们将加快推进城市副中心建设')).toEqual([]);
    expect(owners('全市要加强管理')).toEqual([]);
    expect(owners('城市要加强管理')).toEqual([]);
    expect(owners('完善各组团、各街区规划')).toEqual([]);
    expect(owners('本市已经正式确定设立九大专项工作小组')).toEqual([]);
    expect(owners('什么是工作专班')).toEqual([]);
  });

  it('names a person subject with their title', () => {
    const [owner] = clauseOwners('常务副市长李士祥负责协调', 0);
    expect(owner).toMatchObject({
      text: '常务副市长李士祥',
      normalized: '李士祥',
      person: { title: '常务副市长', name: '李士祥' },
    });
  });

  it('offsets spans by the clause position', () => {
    const [owner] = clauseOwners('工作专班要围绕', 100);
    expect(owner).toMatchObject({ text: '工作专班', start: 100, end: 104 });
  });
});

describe('findOwners', () => {
  it('finds aliases, full names, agencies, bodies and districts, sorted and non-overlapping', () => {
    const found = findOwners('由市发改委、北京市发展和改革委员会、市规划国土委和通州区组成人口调控工作小组');
    expect(found.map((o) => o.text)).toEqual([
      '市发改委',
      '北京市发展和改革委员会',
      '市规划国土委',
      '通州区',
      '人口调控工作小组',
    ]);
    expect(new Set(found.slice(0, 2).map((o) => o.normalized))).toEqual(new Set(['北京市发展和改革委员会']));
  });

  it('finds people with their titles', () => {
    const found = findOwners('该小组的组长由常务副市长李士祥担任,市委书记郭金龙多次到通州调研');
    const people = found.filter((o) => o.person).map((o) => o.person);
    expect(people).toEqual([
      { title: '常务副市长', name: '李士祥' },
      { title: '市委书记', name: '郭金龙' },
    ]);
  });

  it('ends a name before the verb after it', () => {
    const found = findOwners('蔡奇主持会议,市长蔡奇主持,市委书记郭金龙表示');
    expect(found.filter((o) => o.person).map((o) => o.person?.name)).toEqual(['蔡奇', '郭金龙']);
  });

  it('does not take words after a title for names', () => {
    expect(findOwners('副市长高度重视').filter((o) => o.person)).toEqual([]);
  });

  it('does not read common nouns as units', () => {
    expect(findOwners('城市副中心建设要举全市之力,市场主体积极参与')).toEqual([]);
    expect(findOwners('23个市级部门对接通州').map((o) => o.text)).toEqual([]);
  });

  it('gives exact spans', () => {
    const text = '会上,市教委和市公安局作了发言';
    for (const o of findOwners(text)) expect(text.slice(o.start, o.end)).toBe(o.text);
  });
});
