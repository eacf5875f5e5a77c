// Owners: the units, bodies and people a text makes responsible for something.
//
// Two readers. `findOwners` marks every unit/body/person name in a text (for highlighting).
// `clauseOwners` reads the owners one directive clause names: explicit role phrases
// (牵头单位：X, 责任单位：X、Y, 由X牵头/负责/组成) and the clause's grammatical subject
// when that subject is a unit — "工作专班要围绕…", "市领导小组牵头抓总", a topic clause
// "区基层治理工作专班成员单位," before "要按照…". The grammar is general on purpose: a
// subject is a phrase from the clause start that ends like a unit (…小组, …部门, …委, …区)
// and is followed by a modal or action cue (要, 将, 应, 负责, 牵头, 率先…), by members of
// the unit ("23个部门100多名骨干将…") or by the end of the clause.
import { BUILT_IN_ALIASES, normalizeOwner, type AliasTable } from './aliases';
import type { OwnerMention, OwnerRole } from './types';

interface Span {
  start: number;
  end: number;
}

/** An owner found in the text being read, before it becomes an OwnerMention. */
interface Found extends Span {
  role: OwnerRole;
  person?: { name: string; title: string };
}

// ---------------------------------------------------------------------------------------
// Vocabulary

/** A word list written as one space-separated string. */
const words = (list: string): string[] => list.split(' ');

/** How the name of a unit or body ends (any tail will do: they are looked up by the phrase's last characters). */
const UNIT_SUFFIXES = words(
  '小组 专班 工作组 工作队 指挥部 部门 单位 机关 机构 平台 团队 班子 书记 委员会 常委会 管委会 联合会 协会 政府 中心 办公室 党委 党组 委 局 办 厅 部 署 院 室 处 科 区 县 市 省 镇 乡 街道',
);

/** Suffixes that name a body by themselves: a bare "人口调控工作小组," is a topic, "加快推进各区," is not. */
const STRONG_SUFFIXES = ['小组', '专班', '工作组', '工作队', '指挥部', '委员会', '成员单位', '责任单位', '办公室'];

/**
 * Places that act as owners on their own (北京在疏解的同时,也要…), and Beijing's districts
 * (东城区 and 西城区 would otherwise read as the common noun 城区).
 */
const PLACES = new Set(
  words(
    '北京 北京市 天津 天津市 河北 河北省 上海 上海市 重庆 重庆市 雄安 雄安新区 通州 首都 东城区 西城区 朝阳区 海淀区 丰台区 石景山区 门头沟区 房山区 通州区 顺义区 昌平区 大兴区 怀柔区 平谷区 密云区 延庆区',
  ),
);

/** Phrases that end like a unit but are common nouns or a speaker's own side, never an owner. */
const NOT_OWNER_TAILS = words(
  '城市 地区 社区 园区 小区 景区 片区 辖区 郊区 山区 市区 城区 街区 干部 内部 外部 全部 局部 东部 西部 南部 北部 中部 本市 我市 全市 该市 本区 我区 全区 该区 全省 本省 我省 全县 本县',
);

/** Whole subjects that are labels or the speaker, not owners. */
const NOT_OWNERS = new Set(
  words(
    '牵头单位 责任单位 配合单位 主责单位 协办单位 参与单位 成员单位 责任部门 牵头部门 相关单位 有关单位 各单位 本单位 该单位 本部门 我们 我国 全国',
  ),
);

/**
 * Verbs and prepositions that open a predicate, so a phrase starting with them is no subject
 * (设立九大专项工作小组, 对于每一个专项工作小组, 以明确北京的医院应该…, 做实区、街乡镇…).
 */
const VERB_START =
  /^(?:成立|设立|组建|建立|组成|包括|涵盖|推进|推动|促进|加强|加快|建设|完善|支持|发挥|组织|召开|派驻|进驻|依托|通过|成为|形成|打造|实现|完成|落实|开展|启动|深化|提升|优化|强化|健全|统筹|协调|指导|服务|围绕|按照|根据|针对|面对|作为|助力|带动|引导|鼓励|培育|聚焦|坚持|明确|确定|制定|研究|部署|印发|发布|召集|听取|会见|调研|考察|参加|出席|主持|对于|对|以|为|从|向|把|被|由|与|和|随着|经过|除了|做[好实强优大细足]|抓[好紧实住])/;

/** Marks of a predicate inside a phrase (本市已经正式确定设立…, 什么是工作专班, 原来没有这个小组): a subject never holds them. */
const PREDICATE_MARK = /[了着过把被让已又也还就是]|没有|不再|成立|设立|确定|什么|怎么|如何|哪些/;

// The final characters of every suffix and place, to test candidate ends without slicing.
const TAIL_FINALS = new Set<string>([...UNIT_SUFFIXES, ...PLACES].map((s) => s[s.length - 1]!));

// ---------------------------------------------------------------------------------------
// Cues: what follows a subject

/**
 * Modal, adverbial or action words that open a directive predicate after a unit subject.
 * 负责人 is a person, 应急 a name part, 会同 a verb — hence the look-aheads.
 */
const CUE =
  /(?:牵头|抓总|负责(?!人)|要|将|应(?![急用对])|须|必须|需要?|正在|在|扛起|担起|担负|承担|肩负|抓好|做好|率先|陆续|积极|全力|切实|认真|主动|共同|分别|继续|进一步|加快|着力|务必|力争|确保|会同|配合|协助|是(?=在|[^，,。；;：:]{0,20}?(?:责任人|责任主体|主体责任|牵头单位|责任单位)))/y;

/** Cues that make the subject the lead unit. */
const LEAD_CUE = /^(?:牵头|抓总)/;

/** Adverbs and a comma between a subject and its cue: "X,则是在", "X也要". */
const BRIDGE = /(?:[，,\s]|也|则|都|还|均|亦|就|更|已|再)*/y;

/** Members of a unit standing for it: "23个部门100多名骨干将…". */
const MEMBERS =
  /(?:[0-9０-９]+|[一二两三四五六七八九十百千]+)(?:多|余)?[名位人](?:骨干|干部|同志|人员|工作人员|专家|成员|党员|职工|领导)?/y;

/** Opening words to skip before a subject: quotes, list markers, connectives, times. */
const LEAD_IN = new RegExp(
  '(?:' +
    [
      '[\\s“”"\'‘’「」『』【】]+',
      '[0-9０-９]+[、.．)）]',
      '[(（][0-9０-９一二三四五六七八九十]+[)）]',
      '[一二三四五六七八九十]+[、是]',
      '(?:[0-9０-９]{4}|今|明|去|当|本)年(?:[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?)?(?:底前|底|初|末|内|前|以来)?',
      '[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?(?:底前|底|初|末|前)?',
      '除此之外|除此以外|与此同时|在此基础上|具体来说|具体而言|另一方面|一方面|特别是|尤其是|可以说|据介绍|据了解',
      '同时|此外|另外|比如|例如|譬如|其中|而且|并且|首先|其次|再次|最后|下一步|今后|目前|当前|近期|年内|为此|对此|因此|但是|然而|不过',
      '像|如|而|并|还|也|即|但',
    ].join('|') +
    ')',
  'y',
);

/** Characters a subject never crosses. */
const HARD_STOP = new Set([...'，,。；;：:！!？?“”"《》\n\r\t ']);

/** Longest subject considered, in characters. */
const MAX_SUBJECT = 32;

// ---------------------------------------------------------------------------------------
// People

/** Titles a name follows or precedes; longer forms first, as the regex alternation takes the first that fits. */
const TITLES = words(
  '市委常委 区委常委 常务副市长 常务副区长 常务副组长 市委副书记 区委副书记 市委书记 区委书记 县委书记 省委书记 党组书记 总书记 副书记 书记 副市长 市长 副区长 区长 副县长 县长 副省长 省长 副主任 主任 副局长 局长 副部长 部长 副厅长 厅长 副主席 主席 副总理 总理 副组长 组长 副秘书长 秘书长 副院长 院长 镇长 乡长 董事长 总经理',
);

/** Common surnames; characters that mostly open ordinary words (和, 全, 应…) are left out. */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱覃武戴莫孔汤温康牛樊葛邢乔伍庞颜倪庄聂章岳翟殷詹耿俞柳祝阮柯梅童凌毕季裴霍涂苗谷盛翁冉骆蓝辛靳柴鲍喻祁蒲滕饶艾穆卓缪娄窦戚岑晏席卫瞿桂佟臧闵苟邬卞姬仇栾隋刁巫寇桑郎甄丛仲虞敖巩佘迟邝蔺';

/** Words after a title that start like a surname but are not names (副市长高度重视, 书记陆续…). */
const NOT_NAME =
  /^(?:高度|高标准|高质量|高效|陆续|严格|石油|金融|江苏|江西|方面|方式|方案|何时|于是|余下|程序|马上|黄金|周边|林业|龙头)/;

/** Characters that end a name: the verb or particle right after it (蔡奇主持, 李士祥提出). */
const NAME_STOP = new Set([
  ...'说表指强在出主提要是和与及等的到率带调参考会对为也就于、，,。；;：:（(更来讲称任同向又还均都已被将了着过在把从以并与作给',
]);

const TITLE_ALT = TITLES.join('|');
const SURNAME_CLASS = `[${SURNAMES}]|欧阳|司马|诸葛|上官|司徒|端木`;

/** 常务副市长李士祥: title, surname and one or two more characters (trimmed by NAME_STOP). */
const TITLE_THEN_NAME = new RegExp(`(${TITLE_ALT})(${SURNAME_CLASS})(\\p{Script=Han}{1,2})`, 'gu');

/** 郭金龙书记 after a boundary (由郭金龙书记、王安顺市长牵头). */
const NAME_THEN_TITLE = new RegExp(
  `(?<=^|[^\\p{Script=Han}]|[由、和与及被请])(${SURNAME_CLASS})(\\p{Script=Han}{1,2}?)(${TITLE_ALT})`,
  'gu',
);

/** A character every title holds: texts without one have no titled person (most clauses). */
const TITLE_HINT = /[长记任席理]|常委/;

/** People named with their title, anywhere in `text`. */
function findPeople(text: string): Found[] {
  const found: Found[] = [];
  if (!TITLE_HINT.test(text)) return found;
  for (const m of text.matchAll(TITLE_THEN_NAME)) {
    const [, title, surname, rest] = m as unknown as [string, string, string, string];
    if (NOT_NAME.test(surname + rest)) continue;
    const given = givenName(rest);
    if (!given) continue;
    const name = surname + given;
    found.push({
      start: m.index,
      end: m.index + title.length + name.length,
      role: 'responsible',
      person: { name, title },
    });
  }
  for (const m of text.matchAll(NAME_THEN_TITLE)) {
    const [whole, surname, given, title] = m as unknown as [string, string, string, string];
    if ([...given].some((c) => NAME_STOP.has(c))) continue;
    found.push({
      start: m.index,
      end: m.index + whole.length,
      role: 'responsible',
      person: { name: surname + given, title },
    });
  }
  return found;
}

// A given name is one or two characters; the second is dropped when it reads as the next word.
function givenName(rest: string): string | null {
  const first = rest[0];
  if (first === undefined || NAME_STOP.has(first)) return null;
  const second = rest[1];
  return second !== undefined && !NAME_STOP.has(second) ? first + second : first;
}

/** A person written as a whole list item: 常务副市长李士祥 or 郭金龙书记. */
function personItem(item: string): Found['person'] | null {
  for (const p of findPeople(item)) {
    if (p.start === 0 && p.end === item.length) return p.person ?? null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Is a phrase a unit?

/** Whether text[start, end) names a unit, body or acting place (by its ending). */
function isUnitLike(text: string, start: number, end: number): boolean {
  if (end - start < 2) return false;
  const phrase = text.slice(start, end);
  if (NOT_OWNERS.has(phrase)) return false;
  if (PLACES.has(phrase) || PLACES.has(lastConjunct(phrase))) return true;
  if (endsWithAny(phrase, NOT_OWNER_TAIL_SET)) return false;
  if (PREDICATE_MARK.test(phrase)) return false;
  return endsWithAny(phrase, UNIT_SUFFIX_SET);
}

// Places coordinate like units: "天津、河北要主动对接".
function lastConjunct(phrase: string): string {
  const m = /(?:、|和|及|与)([^、和及与]+)$/.exec(phrase);
  return m ? m[1]! : '';
}

// Suffix sets are probed by the phrase's last 1–3 characters: a few lookups instead of a scan of the list.
const UNIT_SUFFIX_SET = new Set<string>(UNIT_SUFFIXES);
const NOT_OWNER_TAIL_SET = new Set<string>(NOT_OWNER_TAILS);

function endsWithAny(phrase: string, tails: ReadonlySet<string>): boolean {
  for (let n = 1; n <= 3 && n <= phrase.length; n++) {
    if (tails.has(phrase.slice(-n))) return true;
  }
  return false;
}

/** A unit named by itself — strong suffix, a determiner before a unit, or a known place — for topic clauses. */
function isTopicUnit(phrase: string): boolean {
  if (VERB_START.test(phrase)) return false;
  if (PLACES.has(phrase)) return true;
  if (STRONG_SUFFIXES.some((s) => phrase.endsWith(s))) return true;
  return /^(?:各|相关|有关|其他|其余|上述|这|该|市|区|县|省|国家|中共|中央|北京|天津|河北)/.test(phrase);
}

// ---------------------------------------------------------------------------------------
// The subject of a clause

/** Skips quotes, list markers, connectives and leading times: "2017年底四大市级机关…" → "四大市级机关…". */
function skipLeadIn(text: string, pos: number): number {
  for (;;) {
    LEAD_IN.lastIndex = pos;
    if (!LEAD_IN.test(text) || LEAD_IN.lastIndex === pos) return pos;
    pos = LEAD_IN.lastIndex;
  }
}

/** Where a cue starts after a subject ending at `end` (past adverbs and a comma), or -1. */
function cueAfter(text: string, end: number): { at: number; lead: boolean } | null {
  BRIDGE.lastIndex = end;
  BRIDGE.test(text);
  const at = BRIDGE.lastIndex;
  CUE.lastIndex = at;
  const m = CUE.exec(text);
  return m ? { at, lead: LEAD_CUE.test(m[0]) } : null;
}

/** The end of "N名骨干" members standing for the unit, when a cue follows them; else -1. */
function membersThenCue(text: string, end: number): { lead: boolean } | null {
  MEMBERS.lastIndex = end;
  if (!MEMBERS.test(text)) return null;
  return cueAfter(text, MEMBERS.lastIndex);
}

// Nothing but clause punctuation (or the end) after the subject: it is a topic ("X,要…" split in two).
function endsClause(text: string, end: number): boolean {
  let at = end;
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at >= text.length || /[，,。；;：:！!？?]/.test(text[at]!);
}

interface Subject {
  start: number;
  end: number;
  role: OwnerRole;
}

/**
 * The unit subject of the clause starting at `from`: the shortest unit-like phrase that a cue,
 * members plus a cue, or the clause end follows. Shortest, so a subject never swallows its
 * predicate ("工作专班要围绕北京城市副中心…" stops at 工作专班).
 */
function subjectAt(text: string, from: number): Subject | null {
  const start = skipLeadIn(text, from);
  const limit = Math.min(text.length, start + MAX_SUBJECT);
  for (let i = start; i < limit; i++) {
    const ch = text[i]!;
    if (HARD_STOP.has(ch)) break;
    if (!TAIL_FINALS.has(ch)) continue;
    const end = i + 1;
    if (!isUnitLike(text, start, end) || VERB_START.test(text.slice(start, end))) continue;
    const cue = cueAfter(text, end) ?? membersThenCue(text, end);
    if (cue) return { start, end, role: cue.lead ? 'lead' : 'responsible' };
    if (endsClause(text, end) && isTopicUnit(text.slice(start, end))) return { start, end, role: 'responsible' };
  }
  return null;
}

/** A count inside the last conjunct governs them all: "市委、市政府23个部门" is one owner. */
const SHARED_HEAD = /[0-9０-９一二两三四五六七八九十百]+(?:多|余)?[个家所]/;

/**
 * Splits a coordinated subject on 、/和/及/与 when every part is itself a unit
 * (四大市级机关 / 相关市属行政部门); otherwise, or when a count makes the head shared, it stays whole.
 */
function splitCoordinated(text: string, start: number, end: number): Span[] {
  const parts: Span[] = [];
  const SEP = /以及|、|和|及|与/g;
  SEP.lastIndex = start;
  let from = start;
  for (let m = SEP.exec(text); m && m.index < end; m = SEP.exec(text)) {
    parts.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  parts.push({ start: from, end });
  if (parts.length === 1) return parts;
  const last = parts[parts.length - 1]!;
  if (SHARED_HEAD.test(text.slice(last.start, last.end))) return [{ start, end }];
  return parts.every((p) => isUnitLike(text, p.start, p.end)) ? parts : [{ start, end }];
}

/** The summing-up tail of a list of units. */
const GENERIC_TAIL = /等(?:相关|有关)?(?:部门|单位|机构|委办局)$/;

/** Where each clause of `text` starts (after a comma, colon, semicolon or full stop). */
function clauseStarts(text: string): number[] {
  const starts = [0];
  const BREAK = /[，,。；;：:！!？?\n]/g;
  for (let m = BREAK.exec(text); m; m = BREAK.exec(text)) starts.push(m.index + 1);
  return starts;
}

// ---------------------------------------------------------------------------------------
// Role phrases

const LABELS = '牵头单位|牵头部门|主责单位|主办单位|责任单位|责任部门|配合单位|协办单位|参与单位|承办单位';

/** "牵头单位：X；责任单位：Y、Z" — the list runs to the next label, a semicolon or the end. */
const LABELLED_LIST = new RegExp(
  `(${LABELS})[：:]\\s*([^；;。\\n)）]*?)(?=[；;。\\n)）]|[，,]?\\s*(?:${LABELS})[：:]|$)`,
  'g',
);

/** "由X牵头/负责/组成": X is a list of units or people. 由于/由此 are not the preposition. */
const BY_UNITS = /由(?![于此衷])([^，,。；;：:！!？?\n]{2,60}?)(牵头|具体负责|负责(?!人)|组成)/g;

/** "对北京市而言": the place or unit the rest of the sentence is about. */
const AS_FOR = /对(?:于)?([^，,。；;：:\s]{2,12}?)(?:而言|来说)/g;

/**
 * Items of a list: separated by 、，/spaces/以及/或者, a trailing "等部门" ends it; 和/及/与 split an
 * item only between units (北京市发展和改革委员会 stays whole).
 */
function listItems(text: string, start: number, end: number): Span[] {
  const etc = text.indexOf('等', start);
  const stop = etc >= 0 && etc < end ? etc : end;
  const pieces: Span[] = [];
  const SEP = /以及|或者|[、，,\s]/g;
  SEP.lastIndex = start;
  let from = start;
  for (let m = SEP.exec(text); m && m.index < stop; m = SEP.exec(text)) {
    if (m.index > from) pieces.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  if (stop > from) pieces.push({ start: from, end: stop });
  return pieces.flatMap((p) => splitCoordinated(text, p.start, p.end));
}

function labelledOwners(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(LABELLED_LIST)) {
    const role: OwnerRole = /^(?:牵头|主责|主办)/.test(m[1]!) ? 'lead' : 'responsible';
    const listStart = m.index + m[0].length - m[2]!.length;
    // The label says these are units: every item counts, whatever its ending.
    for (const item of listItems(text, listStart, listStart + m[2]!.length)) {
      found.push({ ...item, role, ...personOf(text, item) });
    }
  }
  return found;
}

function byOwners(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(BY_UNITS)) {
    const role: OwnerRole = m[2] === '牵头' ? 'lead' : 'responsible';
    const listStart = m.index + 1;
    for (const item of listItems(text, listStart, listStart + m[1]!.length)) {
      const person = personOf(text, item);
      if (person.person || isUnitLike(text, item.start, item.end)) found.push({ ...item, role, ...person });
    }
  }
  return found;
}

function asForOwners(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(AS_FOR)) {
    const start = m.index + m[0].indexOf(m[1]!, 1);
    const end = start + m[1]!.length;
    if (isUnitLike(text, start, end)) found.push({ start, end, role: 'responsible' });
  }
  return found;
}

function personOf(text: string, item: Span): { person?: { name: string; title: string } } {
  const person = personItem(text.slice(item.start, item.end));
  return person ? { person } : {};
}

function subjectOwners(text: string): Found[] {
  const found: Found[] = [];
  let people: Found[] | null = null;
  for (const from of clauseStarts(text)) {
    const subject = subjectAt(text, from);
    if (subject) {
      // "市发改委、市教委等部门要…": the units listed are the owners, the "等部门" tail only sums them up.
      const etc = GENERIC_TAIL.exec(text.slice(subject.start, subject.end));
      const end = etc && etc.index > 0 ? subject.start + etc.index : subject.end;
      for (const part of splitCoordinated(text, subject.start, end)) found.push({ ...part, role: subject.role });
      continue;
    }
    // A person as the subject: "常务副市长李士祥负责…".
    const start = skipLeadIn(text, from);
    people ??= findPeople(text);
    const person = people.find((p) => p.start === start);
    const cue = person && cueAfter(text, person.end);
    if (person && cue) found.push({ ...person, role: cue.lead ? 'lead' : 'responsible' });
  }
  return found;
}

// ---------------------------------------------------------------------------------------
// Names anywhere

/** A character inside a name: no punctuation, digits, particles, modals or measure words. */
const NAME_CHAR =
  '[^\\s\\p{P}\\p{S}\\p{N}的了和与及在是要将应须对把被由为从向以于等也都还就而并或让使给着过已如像其牵负各这该我个名位]';

/** Verbs that rarely sit inside a name: a name never runs across them (确定设立九大专项工作小组). */
const NAME_BREAK = '设立|成立|组建|组成|确定|包括|涵盖|成为|召开|印发|发布|部署|没有|不再|明确|派驻|进驻|出席|参加';

/** One name character that does not start a NAME_BREAK verb. */
const NAME_TOKEN = `(?:(?!${NAME_BREAK})${NAME_CHAR})`;

/** Where a name may start: after punctuation, a preposition or conjunction, a verb that introduces it, or a count. */
const BOUNDARY = `(?<=^|[^\\p{Script=Han}]|[由和与及在对向从将把被为是据如像即、]|${NAME_BREAK}|其中|会同|各个|联合|配合|督促|指导|支持|要求|推动|[0-9０-９一二三四五六七八九十两][个大项])`;

/** Unit endings of an agency, each kept from reading into the next word (市级部门, 局长, 委员). */
const AGENCY_TAIL =
  '委员会|办公室|政府|中心(?![城区组])|委(?![员托])|局(?![长面势部])|办(?![法理公好])|厅(?!长)|部(?![门分长署])|署|院(?![长士])|室(?!主)';

/** A government agency: a level prefix, a short name, a unit ending (市规划国土委, 北京市水务局). */
const AGENCY = new RegExp(
  `${BOUNDARY}(?:中共北京市委|北京市|天津市|河北省|国务院|国家|中央|市委|市政府|区委|区政府|市|区|县|省)${NAME_TOKEN}{0,6}(?:${AGENCY_TAIL})`,
  'gu',
);

/** A body named by what it is: …领导小组, …工作专班, …委员会, …指挥部 (人口调控工作小组). */
const BODY = new RegExp(`${BOUNDARY}${NAME_TOKEN}{0,12}(?:小组|专班|工作组|指挥部|委员会|成员单位|领导班子)`, 'gu');

/** 市委常委 and the like are titles, not bodies. */
const TITLE_LIKE = /常委$/;

const aliasPatterns = new WeakMap<AliasTable, RegExp>();

/** One alternation of every alias and canonical name, longest first, compiled once per table. */
function aliasPattern(aliases: AliasTable): RegExp | null {
  let re = aliasPatterns.get(aliases);
  if (!re) {
    const names = [...new Set([...aliases.keys(), ...aliases.values()])].filter((n) => n.length >= 2);
    if (names.length === 0) return null;
    names.sort((a, b) => b.length - a.length);
    re = new RegExp(names.map(escapeRegExp).join('|'), 'g');
    aliasPatterns.set(aliases, re);
  }
  return re;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function matchesOf(re: RegExp, text: string): Found[] {
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length, role: 'responsible' }));
}

function placeNames(text: string): Found[] {
  // Full district names only: a bare 北京 anywhere in a text is a place, not an owner.
  const found: Found[] = [];
  const DISTRICT =
    /[东西]城区|朝阳区|海淀区|丰台区|石景山区|门头沟区|房山区|通州区|顺义区|昌平区|大兴区|怀柔区|平谷区|密云区|延庆区|雄安新区/g;
  for (const m of text.matchAll(DISTRICT))
    found.push({ start: m.index, end: m.index + m[0].length, role: 'responsible' });
  return found;
}

// ---------------------------------------------------------------------------------------
// Assembly

/** Keeps the first of overlapping finds (callers order them by priority), sorted by start. */
function nonOverlapping(found: readonly Found[], length: number): Found[] {
  if (found.length <= 1) return [...found];
  // One byte per character marks what is taken: linear, where pairwise checks are quadratic.
  const taken = new Uint8Array(length);
  const kept: Found[] = [];
  for (const f of found) {
    if (f.end <= f.start || taken.subarray(f.start, f.end).includes(1)) continue;
    taken.fill(1, f.start, f.end);
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

function toMention(text: string, f: Found, offset: number, aliases: AliasTable): OwnerMention {
  const written = text.slice(f.start, f.end);
  const mention: OwnerMention = {
    text: written,
    start: offset + f.start,
    end: offset + f.end,
    // A person is one owner whatever title a text gives them, so people normalise to the name.
    normalized: f.person ? f.person.name : normalizeOwner(written, aliases),
    role: f.role,
  };
  if (f.person) mention.person = f.person;
  return mention;
}

/** Every unit, body and person name in `text`, non-overlapping (longest wins), sorted by start. */
export function findOwners(text: string, aliases: AliasTable = BUILT_IN_ALIASES): OwnerMention[] {
  const alias = aliasPattern(aliases);
  const found = [
    ...findPeople(text),
    ...(alias ? matchesOf(alias, text) : []),
    ...placeNames(text),
    ...matchesOf(AGENCY, text).filter((f) => !TITLE_LIKE.test(text.slice(f.start, f.end))),
    ...matchesOf(BODY, text),
  ];
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  return nonOverlapping(found, text.length).map((f) => toMention(text, f, 0, aliases));
}

/**
 * The owners a directive clause names, with offsets `offset + index in clause`: labelled lists
 * (牵头单位：X → lead), 由X牵头/负责/组成, "对X而言", and unit subjects of the clause and of each
 * comma clause within it ("X牵头" → lead, otherwise responsible). [] when no unit is named.
 */
export function clauseOwners(clause: string, offset: number, aliases: AliasTable = BUILT_IN_ALIASES): OwnerMention[] {
  // Cheap includes() guards first: most clauses hold none of these phrases.
  const found = [
    ...(/单位|部门/.test(clause) ? labelledOwners(clause) : []),
    ...(clause.includes('由') ? byOwners(clause) : []),
    ...(clause.includes('而言') || clause.includes('来说') ? asForOwners(clause) : []),
    ...subjectOwners(clause),
  ];
  return nonOverlapping(found, clause.length).map((f) => toMention(clause, f, offset, aliases));
}
