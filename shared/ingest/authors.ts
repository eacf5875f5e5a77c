// Writers as the page names them: "(记者 刘菲菲 武红利)", "文/本报记者 林艳",
// "记者 张群琛 通讯员 陈振", "作者：…". Accounts of scrapers and CMSs ("wetech", "admin")
// are not writers.

const ROLE =
  '(?:本报|本刊|本台|本网|特约|见习|实习|首席)?(?:记者|通讯员|实习生|摄影记者|摄影|撰稿|作者|编译|特约评论员)';
const ROLE_RE = new RegExp(ROLE, 'g');
/** "(记者 张群琛 通讯员 陈振)" */
const PAREN = new RegExp(`[(（]\\s*(${ROLE}[^()（）]{1,60})[)）]`, 'g');
/** "文/本报记者 林艳" at the start of a block or after a finished sentence, running to the block's end. */
const SLASH = /(?:^|[。！？!?\s])(?:本组)?(?:文|图|文图|图文|撰文|文字)\s*[/／|｜]\s*([^。！？]{2,40})$/;
/** SLASH's names run to the end of the block, so a block ending a sentence never matches. */
const slashPossible = (line: string) => !'。！？'.includes(line.slice(-1)) && /[/／|｜]/.test(line);
/** "作者：林艳", "记者 林艳 李泽伟" as a whole line. */
const LINE = new RegExp(`^(?:${ROLE})(?:\\s*[:：|｜丨]\\s*|\\s+)([^，。,;；:：]{2,40})$`);
/** "来源：人民日报 作者：张三 李四" — a labelled name inside a short metadata line. */
const LABELLED = /(?:作者|记者|撰稿|撰文)\s*[:：]\s*([\u4e00-\u9fff·]{2,10}(?:[\s、,，]+[\u4e00-\u9fff·]{2,10})*)/;
/** "By Jane Doe" */
const BY = /^By\s+([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})/;

const NOT_NAMES = new Set([
  '报道',
  '综合',
  '整理',
  '编辑',
  '摄影',
  '本报',
  '记者',
  '通讯员',
  '实习生',
  '发自',
  '报道组',
  '联合报道',
]);

/** How an affiliation written right after a name starts: "方敏北京大学经济学院教授". */
const AFFILIATION =
  /^(?:中国|中央|中共|国家|国务院|全国|北京|上海|天津|重庆|清华|复旦|南开|[\u4e00-\u9fff]{1,3}(?:省|市|大学|学院))/;
const TITLE_END = /(?:教授|研究员|主任|院长|所长|博士|讲师|学者|专家|副教授)$/;

/** "方敏北京大学经济学院教授" → "方敏": a name run into its affiliation and title. */
function withoutAffiliation(s: string): string {
  if (s.length <= 4 || !TITLE_END.test(s)) return s;
  for (const n of [2, 3]) if (AFFILIATION.test(s.slice(n))) return s.slice(0, n);
  return s;
}

/** Names in a byline's inner text: split on roles, spaces, 、 and commas; 2–4 Chinese characters (or a ·-name). */
export function namesIn(inner: string): string[] {
  return inner
    .replace(ROLE_RE, ' ')
    .replace(/(发自|报道|综合|整理|摄)\S*$/, ' ')
    .split(/[\s、,，;；/／:：|｜丨]+/)
    .map((s) => withoutAffiliation(s.trim()))
    .filter((s) => /^[\u4e00-\u9fff]{2,4}$|^[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8}$/.test(s) && !NOT_NAMES.has(s));
}

const push = (out: string[], names: string[]) => {
  for (const n of names) if (!out.includes(n)) out.push(n);
};

/** Authors named in the given lines, in order of first mention. */
export function findAuthors(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    // A plain substring search finds the bracket far faster than the pattern's own scan.
    if (line.includes('(') || line.includes('（')) {
      PAREN.lastIndex = 0;
      for (let m = PAREN.exec(line); m; m = PAREN.exec(line)) push(out, namesIn(m[1]!));
    }
    const slash = slashPossible(line) ? SLASH.exec(line) : null;
    if (slash) push(out, namesIn(slash[1]!));
    if (line.length <= 48) {
      const whole = LINE.exec(line);
      if (whole) push(out, namesIn(whole[1]!));
      const labelled = whole ? null : LABELLED.exec(line);
      if (labelled) push(out, namesIn(labelled[1]!));
      const by = BY.exec(line);
      if (by) push(out, [by[1]!]);
    }
  }
  return out;
}

const ACCOUNTS = new Set([
  'admin',
  'administrator',
  'root',
  'editor',
  'webmaster',
  'system',
  'spider',
  'crawler',
  'robot',
  'bot',
  'anonymous',
  'unknown',
  'guest',
  'user',
]);

/**
 * Whether a stated author is a person rather than an account: a lone Latin handle ("wetech",
 * "admin") on a Chinese page is the scraper's or CMS's login, not a writer.
 */
export function isPersonName(name: string, chinesePage: boolean): boolean {
  const n = name.trim();
  if (!n || n.length > 40) return false;
  if (ACCOUNTS.has(n.toLowerCase())) return false;
  if (chinesePage && /^[A-Za-z0-9_.@-]+$/.test(n)) return false;
  return true;
}
