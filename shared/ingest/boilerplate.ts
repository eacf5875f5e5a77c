// The vocabulary of site chrome, one rule per kind. Every rule is bounded by length (a
// boilerplate line is short) and most refuse lines that read like prose (ending in 。),
// so a sentence in an article that happens to mention 版权 or 二维码 is never matched.
import type { RawBlock } from './types';
import { isSymbolOnly, lastSignificant } from './shape';
import { findDates, stripDatesAndTimes } from './dates';

export type BoilerKind =
  | 'nav' // breadcrumbs: 当前位置:首页>>…, 豫都网 > 新闻频道 >
  | 'account' // 注册 / 登录 / 还没有账号?点击注册
  | 'social' // 评论, 0/500, 共有0条评论, 分享到, 扫描二维码, 打印/关闭, 字号
  | 'counter' // 浏览(127)
  | 'attachment' // 附件:….jpg (a file link, not an attachment list of a notice)
  | 'legal' // copyright, ICP, 公网安备, 技术支持, disclaimers, repost notices
  | 'editor' // [责任编辑:…]
  | 'pager' // 上一篇/下一篇, 返回首页, 更多>>
  | 'masthead' // 星期三, 农历…, 今日四版, 第3版
  | 'paper' // a newspaper's name alone on the first lines: 北京城市副中心报
  | 'dateline' // a line of date/time/source/author labels: 来源:… 2019-06-06
  | 'symbol' // ×, |, >>
  | 'related' // 相关新闻 / 推荐阅读 headers
  | 'retitle' // 原标题：…
  | 'markup' // a line of bare HTML tags in a text file: <img …>, <!-- more -->
  | 'count'; // a bare number ("357"): a view counter above the article, data anywhere else

/** Kinds only dropped before the article starts (a date line at the end may be a notice's signature date). */
export const HEAD_ONLY: ReadonlySet<BoilerKind> = new Set<BoilerKind>(['masthead', 'paper', 'dateline', 'count']);

/**
 * Drop reasons (boilerplate kinds and clean.ts's own) of the site's furniture around an
 * article — related news, legal notices, comment boxes, links — as opposed to lines about
 * the document itself (its dateline, masthead, attachment, a repeated lead, and the
 * breadcrumb, which usually ends in the document's own title).
 */
export const SITE_FURNITURE: ReadonlySet<string> = new Set([
  'account',
  'social',
  'counter',
  'legal',
  'editor',
  'pager',
  'symbol',
  'related',
  'markup',
  'footer',
  'chrome',
  'links',
  // 原标题：… repeats the headline of a repost.
  'retitle',
]);

/** Kinds that announce the page footer: everything short after them is footer too. */
export const FOOTER_START: ReadonlySet<BoilerKind> = new Set<BoilerKind>([
  'legal',
  'editor',
  'pager',
  'attachment',
  'social',
  'account',
  'related',
  'counter',
]);

interface Rule {
  kind: BoilerKind;
  max: number;
  /** Allowed to match a line that reads as prose (ends with 。 or holds several sentences). */
  prose?: boolean;
  test: (t: string) => boolean;
}

const re = (r: RegExp) => (t: string) => r.test(t);

const BREADCRUMB_SEP = /\s*(?:>>|>|»|›|→|＞)\s*/;
/** A character BREADCRUMB_SEP needs: without one there is a single part, never a breadcrumb. */
const BREADCRUMB_CHAR = /[>»›→＞]/;
function isBreadcrumb(t: string): boolean {
  if (t.length > 80 || /[。，,]/.test(t) || !BREADCRUMB_CHAR.test(t)) return false;
  const parts = t.split(BREADCRUMB_SEP);
  if (parts.length < 3 && !(parts.length === 2 && /^(首页|主页|网站首页)$/.test(parts[0]!.trim()))) return false;
  return parts.every((p) => p.trim().length <= 30) && parts.filter((p) => p.trim()).length >= 2;
}

/** A menu bar: four or more short words separated by spaces or bars ("新浪首页 新闻 体育 财经 …"). */
function isMenuBar(t: string): boolean {
  // Without a separator the line is one word, never four.
  if (/[。，,；;：:！？]/.test(t) || !/[\s|｜·•]/.test(t)) return false;
  const words = t.split(/\s*[|｜·•]\s*|\s+/).filter(Boolean);
  return words.length >= 4 && words.every((w) => w.length <= 6);
}

const ACCOUNT_WORDS =
  /^(注册|登录|登陆|免费注册|立即注册|会员登录|用户登录|退出|退出登录|请登录|个人中心|我的账户|登录注册|注册登录|登录\s*[|｜/]\s*注册|注册\s*[|｜/]\s*登录|sign in|log in|register|sign up)$/i;
const SOCIAL_WORDS =
  /^(评论|发表评论|我要评论|网友评论|评论区|查看评论|参与评论|分享到?[:：]?|分享|收藏|点赞|赞|打印|关闭|打印本页|打印此页|关闭窗口|关闭本页|扫一扫|微信|微博|QQ空间|朋友圈|复制链接|举报|纠错|我要纠错|字号|大|中|小|默认|TOP|顶部|分享本文|保存|复制|在看|阅读原文|写留言|留言|关注|图集|Qzone|\+1|加载更多)$/i;
const FOOTER_LINKS =
  /联系我们|关于我们|网站地图|网站声明|隐私政策|意见反馈|广告服务|招聘信息|设为首页|加入收藏|使用帮助|网站导航|法律声明/g;
const SITE_ADMIN = /(主办|承办|协办|运营|维护|建设|管理|制作)(单位)?\s*[:：]/g;

/** Site administration labels: two of them ("主办单位：… 承办单位：…"), or one on a site footer. */
function siteAdmin(t: string): boolean {
  const n = t.match(SITE_ADMIN)?.length ?? 0;
  return n >= 2 || (n === 1 && /网站|政府网|门户/.test(t));
}

/** Two footer links ("联系我们 | 网站地图"), or one alone on a very short line. */
function footerLinks(t: string): boolean {
  const n = t.match(FOOTER_LINKS)?.length ?? 0;
  return n >= 2 || (t.length <= 8 && n === 1);
}

/**
 * Copyright, licence and disclaimer lines, as alternatives. `needs` lists characters of which
 * every match of the alternative contains one, so one pass over a line rules most of them out
 * before any of the (unanchored) patterns runs.
 */
const LEGAL: { needs: string; test: (t: string) => boolean }[] = [
  { needs: 'Ii', test: re(/ICP\s*(备|证)|[京沪津渝冀豫鲁晋蒙辽吉黑苏浙皖闽赣湘鄂粤桂琼川贵云藏陕甘青宁新]ICP/i) },
  { needs: '备', test: re(/公网安备|网安备|备案(号|编号)\s*[:：]/) },
  {
    needs: '增识举许',
    test: re(
      /增值电信业务|网站标识码|违法和不良信息举报|新闻信息服务许可证|举报(电话|邮箱|中心)\s*[:：]|视听节目许可证/,
    ),
  },
  { needs: '版', test: re(/版权所有(?![者人])|版权归.{0,12}所有/) },
  { needs: 'Cc©Aa', test: re(/Copyright|©|\(c\)\s*\d|All\s+Rights\s+Reserv/i) },
  { needs: '声免', test: re(/免责声明|版权声明|版权与免责|郑重声明|详细声明|本站声明/) },
  { needs: '载', test: re(/转载请注明|请勿转载|禁止转载|不得转载|如需转载|转载.{0,12}(注明|授权|联系)/) },
  // A law's own "未经批准、授权…" or "依法追究刑事责任" is text: these need a copying or copyright word.
  {
    needs: '经究',
    test: (t) =>
      /未经.{0,24}(许可|授权|同意)|违者.{0,10}追究|依法追究.{0,10}责任/.test(t) &&
      /转载|复制|摘编|镜像|转贴|版权|著作权|本网|本站|内容/.test(t),
  },
  { needs: '侵', test: re(/若?无意侵犯|[若如]有侵权|侵权.{0,6}(联系|删除|告知)/) },
  { needs: '来', test: re(/来信通知/) },
  { needs: '网站', test: re(/联系本网|本网(站)?(所有|转载|确认|不代表|自有)|不代表本(网|站)|以下简称本网/) },
  { needs: '代', test: re(/不代表.{0,24}(观点|立场)/) },
  { needs: ':：', test: (t) => /^技术支持\s*[:：]|\s技术支持\s*[:：]/.test(t) || siteAdmin(t) },
  { needs: '们站隐馈广聘页藏帮律', test: footerLinks },
];

/** For each character, a bit per LEGAL alternative that needs it. */
const LEGAL_NEEDS = new Uint16Array(0x10000);
LEGAL.forEach(({ needs }, i) => {
  for (const c of needs) LEGAL_NEEDS[c.charCodeAt(0)] = LEGAL_NEEDS[c.charCodeAt(0)]! | (1 << i);
});

function isLegal(t: string): boolean {
  let present = 0;
  for (let i = 0; i < t.length; i++) present |= LEGAL_NEEDS[t.charCodeAt(i)]!;
  return LEGAL.some((alt, i) => (present & (1 << i)) !== 0 && alt.test(t));
}

/** Leading buttons before a credit line: "【我要纠错】 责任编辑：…", "【纠错】责任编辑：…". */
const BUTTONS_BEFORE = /^(?:[【[][^】\]]{1,6}[】\]]\s*)+(?=\S)/;
/** Credit lines: "[责任编辑:…]", and WeChat's "编辑|…", "责编｜…", "校对丨…". */
const EDITOR_LINE =
  /^[[【(（]?\s*(责任编辑|责编|编辑|审核|校对|值班编辑|审校|终审|初审|复审|监制|编审)\s*[:：|｜丨]\s*\S/;

/** Words of a page's tool bar: text size, print, close, share, and the size names. */
const CONTROL_WORDS =
  /字号|字体|默认|超大|放大|正常|缩小|打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|收藏|分享到?|我要纠错|纠错|返回顶部|[大中小]/g;
/**
 * A tool bar line: "字号：默认 大 超大 | 打印 |", "【字体：大 中 小】打印", "T + -" — nothing left
 * once the control words, brackets and separators go. It needs a control word (a lone "中" is not one).
 */
function isControlBar(t: string): boolean {
  if (/^[Tt]\s*[+＋]\s*[-－]$/.test(t)) return true;
  if (t.length > 40 || !/字号|字体|打印|关闭|收藏|分享|纠错/.test(t)) return false;
  return t.replace(CONTROL_WORDS, '').replace(/[【】[\]|｜:：\s/·]/g, '') === '';
}

/** WeChat's tail ("1、回复【社保】查询…", "点【在看】", "微信扫一扫关注该公众号", "长按识别…") and "扫一扫在手机打开当前页". */
const WECHAT_TAIL =
  /^(?:\d{1,2}[、.．]\s*)?回复\s*[【「“"]|点.{0,3}[【「“"]?在看|微信扫一扫|扫一扫.{0,12}(?:打开|阅读|关注)|长按.{0,6}识别|^点击菜单栏/;

const RULES: Rule[] = [
  { kind: 'markup', max: 2000, prose: true, test: re(/^(?:<!--[\s\S]*?-->|<\/?[A-Za-z][^<>]*>|\s)+$/) },
  { kind: 'retitle', max: 120, prose: true, test: re(/^原标题\s*[:：]/) },
  {
    kind: 'nav',
    max: 200,
    test: (t) =>
      /^(当前位置|您的位置|您现在的位置|你现在的位置|你的位置|所在位置|当前的位置|位置)\s*[:：]/.test(t) ||
      isBreadcrumb(t) ||
      isMenuBar(t),
  },
  {
    kind: 'account',
    max: 40,
    test: (t) =>
      ACCOUNT_WORDS.test(t.replace(/[【】[\]]/g, '').trim()) ||
      /还没有账号|没有账号|已有账号|忘记密码|找回密码|点击注册|立即登录|请先登录/.test(t),
  },
  {
    kind: 'social',
    max: 60,
    test: (t) => {
      // A social word is at most 6 characters once brackets and spaces are gone.
      const short = t.length <= 6 || /[【】[\]\s]/.test(t);
      if (short && SOCIAL_WORDS.test(t.replace(/[【】[\]\s]/g, ''))) return true;
      // Only bracketed buttons ("【打印】【关闭】"): the line opens with a bracket and holds more than brackets.
      if (
        (t[0] === '【' || t[0] === '[') &&
        /[^【】[\]\s]/.test(t) &&
        t.replace(/[【[][^】\]]{1,8}[】\]]/g, '').trim() === '' &&
        /打印|关闭|收藏|纠错|分享/.test(t)
      )
        return true;
      if (/^\d+\s*\/\s*\d+$/.test(t) && t.length <= 12) return true; // 0/500 character counters
      if (isControlBar(t) || WECHAT_TAIL.test(t)) return true;
      // Every alternative below holds one of 条 评 已 分 码 载 装 字 小.
      if (!/[条评已分码载装字小]/.test(t)) return false;
      return /共有?\s*\d+\s*条(评论|留言|回复)|^\d+\s*条(评论|留言)|评论\s*[(（]\s*\d+\s*[)）]|已有\s*\d+\s*人(参与|评论)|^分享到|(扫描|扫码|扫一扫|长按|识别).{0,12}二维码|二维码.{0,12}(下载|关注|分享|阅读)|(下载|安装).{0,12}(APP|客户端)|(APP|客户端).{0,6}下载|字号\s*[:：]?\s*(大\s*中\s*小|T\s*T)|字体\s*[:：]?\s*大\s*中\s*小|^[【[]?\s*大\s*中\s*小\s*[】\]]?$/i.test(
        t,
      );
    },
  },
  {
    kind: 'counter',
    max: 30,
    test: re(
      /^(浏览|阅读|点击|访问|浏览量|阅读量|点击量|浏览次数|阅读次数|点击数|阅读数|访问量|views?)\s*[:：(（]?\s*\d+\s*次?\s*[)）]?$/i,
    ),
  },
  {
    kind: 'attachment',
    max: 150,
    test: re(/^(相关)?附件\s*\d*\s*[:：]?.*\.(jpe?g|png|gif|bmp|webp|pdf|docx?|xlsx?|pptx?|wps|zip|rar|7z|ofd)\s*$/i),
  },
  { kind: 'legal', max: 220, prose: true, test: isLegal },
  {
    kind: 'editor',
    max: 60,
    prose: true,
    test: (t) => EDITOR_LINE.test(t.replace(BUTTONS_BEFORE, '')),
  },
  {
    kind: 'pager',
    max: 150,
    test: (t) =>
      /^(阅读)?(上一篇|下一篇|上一条|下一条|上一页|下一页|前一篇|后一篇)\s*[:：]?/.test(t) ||
      /^(?:[【[]\s*\d{1,3}\s*[】\]]\s*){2,}$/.test(t) ||
      (t.includes('上一篇') && t.includes('下一篇')) ||
      /^返回.{0,12}(首页|顶部|列表|目录|栏目)\s*[>》»]*$/.test(t) ||
      /^(更多|查看更多|点击查看更多|更多精彩|更多内容|阅读全文|展开全文|点击加载更多)\s*[>》»]*$/.test(t) ||
      /^点击(?:进入|查看|阅读).{1,20}[>》»]+$/.test(t),
  },
  {
    kind: 'masthead',
    max: 40,
    test: (t) =>
      /^(星期|周|礼拜)[一二三四五六日天]$/.test(t) ||
      /^农历/.test(t) ||
      /今日\s*[一二三四五六七八九十\d]+\s*版/.test(t) ||
      /^第?\s*[A-Z]?\d{1,3}\s*版\s*[:：]?|^第[一二三四五六七八九十]+版/.test(t) ||
      /^(国内统一连续出版物号|CN\s*\d{2}\s*-\s*\d{4}|邮发代号)/.test(t),
  },
  {
    kind: 'paper',
    max: 12,
    test: re(/^[\u4e00-\u9fff]{2,10}(日报|晚报|早报|时报|周报|商报|晨报|导报|青年报|报)$/),
  },
  { kind: 'dateline', max: 100, test: isDateline },
  // A teaser of another article: its text cut off by a "【详细】" link.
  { kind: 'related', max: 400, prose: true, test: re(/[【[]\s*(?:详细|详情|全文)\s*[】\]]\s*$/) },
  { kind: 'symbol', max: 6, test: isSymbolOnly },
  {
    kind: 'related',
    max: 24,
    test: re(
      /^((?:相关|关联)(新闻|阅读|报道|文章|链接|推荐|专题|内容|资讯|稿件|文件)|推荐阅读|延伸阅读|热门(推荐|新闻|文章|阅读)|猜你喜欢|更多(新闻|阅读|报道)|热点(推荐|新闻)|精彩推荐|往期回顾|热门排行|阅读排行|点击排行|今日推荐|为您推荐|大家都在看|网友还看了|related( articles| news| stories)?)\s*[:：>》»]*$/i,
    ),
  },
];

/** Labels that open a line of article metadata. */
export const META_LABEL =
  /^[[【(（]?\s*(来源于|来源|稿源|文章来源|本文来源|信息来源|作者|发布(时间|日期|人)?|时间|日期|发文日期|更新时间|记者|撰稿|出处|发表于|发表时间)\s*[:：]/;

/** "（…通过）", "（…公布 …施行）": a bracketed note of how a law or resolution was adopted. */
const ADOPTION_NOTE = /^[（(].*(?:通过|批准|公布|施行|修正|修订)[）)]$/;

const RELATIVE_STAMP = /(?:今天|昨天|前天|\d{1,2}天前|\d{1,2}小时前|\d{1,2}分钟前|刚刚)$/;

/** A line of metadata: labelled (来源:/作者:/发布时间:), or a date with little else on it. */
function isDateline(t: string): boolean {
  if (META_LABEL.test(t)) return true;
  // A law's adoption note "（2007年6月29日…通过）" is the document's own text.
  if (ADOPTION_NOTE.test(t)) return false;
  // "爱否科技昨天", "3小时前": an account's relative time stamp.
  if (t.length <= 24 && RELATIVE_STAMP.test(t)) return true;
  const dates = findDates(t);
  if (!dates.length) return false;
  const rest = stripDatesAndTimes(t, dates)
    .replace(/(来源|作者|发布|时间|日期|浏览|阅读|点击|编辑)\s*[:：]?/g, '')
    .replace(/(星期|周)[一二三四五六日天]|农历\S*|[\d\s:：()（）|｜/\-—_.,，·]+/g, '');
  return rest.length <= 12;
}

/** Reads as written prose: it ends with, or holds, a Chinese full stop. */
export const isSentenceLike = (t: string): boolean => lastSignificant(t) === '。' || /。./.test(t);

/** The boilerplate kind of a line, or null when it may be article text. */
export function classifyLine(text: string): BoilerKind | null {
  const t = text.trim();
  if (!t) return 'symbol';
  const prose = isSentenceLike(t);
  for (const rule of RULES) {
    if (t.length > rule.max) continue;
    if (prose && !rule.prose) continue;
    if (rule.test(t)) return rule.kind;
  }
  return null;
}

/** A bare number alone in a paragraph ("357"): a view or like counter in the page head; a Word table's cell elsewhere. */
const BARE_COUNT = /^\d{1,7}$/;

export const classifyBlocks = (blocks: readonly RawBlock[]): (BoilerKind | null)[] =>
  blocks.map((b) =>
    b.type === 'preformatted'
      ? null
      : b.type === 'paragraph' && BARE_COUNT.test(b.text)
        ? 'count'
        : classifyLine(b.text),
  );

/** Newspaper jump lines inside paragraphs: (下转2版), (上接1版), （转第3版）. */
export const JUMP = /[(（]\s*(?:下转|上接|转|接)\s*(?:第)?\s*[\dA-Z一二三四五六七八九十]+\s*版\s*[)）]/g;

/** "[责任编辑:…]" glued to the end of the last paragraph. */
export const TRAILING_EDITOR = /\s*[[【(（]\s*(?:责任编辑|责编)\s*[:：]\s*([^\]】)）]{1,20})[\]】)）]\s*$/;

/** The editor named in an editor line ("[责任编辑：刘亚楠]" → 刘亚楠). */
export function editorIn(text: string): string | null {
  // A CMS account suffix ("李曦_NN2587") is not part of the name.
  const m = /(?:责任编辑|责编|编辑)\s*[:：|｜丨]\s*([^\s\]】)）,，;；|｜丨_]+)/.exec(text);
  return m ? m[1]! : null;
}

/** "相关新闻", "推荐阅读": headers of related-news lists. */
export const isRelatedHeader = (text: string): boolean => classifyLine(text) === 'related';
