// The words the candidate rules look for: completion milestones, directive and modal cues,
// and the marks of a report or a question. Milestones and directive words are found in one
// pass over the whole text (findWords), which is much faster than clause by clause.
import type { Span } from './clauses';

/** A word found in the text. */
export interface WordMention extends Span {
  text: string;
}

/** Every match of a global vocabulary regex, as mentions sorted by start. */
export function findWords(re: RegExp, text: string): WordMention[] {
  return [...text.matchAll(re)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Completion milestones: a commitment to finish something by a time (RULES.md). */
export const MILESTONE =
  /建成|完工|竣工|开工|动工|通车|通航|投入使用|投入运营|投用|投运|投产|交付使用|开通|启用|落成|正式运行|搬迁|验收|挂牌|封顶|贯通|合龙|并网|开业|开园|开馆|全面完成|基本完成|完成[^，,。]{0,12}(?:任务|建设|改造|选址|封顶|搬迁|验收)/g;

/** Words that say something is to be done. */
export const DIRECTIVE =
  /将|要|确保|力争|争取|计划|拟|必须|务必|应当|负责|牵头|推进|推动|加快|启动|落实|抓好|实施|开展|建立|完善|制定|实现|完成|做好|着力|深化|加强|全面|继续|进一步|组织|统筹|提升|打造|支持|促进|带动|担负/g;

/**
 * Words of a report about the past or the present state, not a plan: 已, 累计, 目前, and 了
 * after a verb (成立了, 有了) — but not in 为了, 除了, 了解, 不了, 罢了.
 */
export const PAST = /已经|已(?!有)|累计|截至|截止|同比|比上年|比去年|先后|相继|曾经|目前|(?<![为除罢不])了(?![解])/;

/**
 * Cues that make a dated or owned sentence a directive (weaker verbs like 推进 alone do not).
 * 要 counts as the modal only, not inside 要求, 重要, 主要, 需要, 要点, 纲要.
 */
export const STRONG_CUE =
  /将|(?<![重主需纲摘只必概提])要(?![求点素害领闻件务])|确保|力争|争取|计划(?=[在于到将要年今明])|拟|必须|务必|应当|须|负责(?!人)|牵头|第一责任人/;

/** What a named unit is said to be doing: a directive, or work under way (正在…, 则是在制定…). */
export const OWNER_CUE = new RegExp(`${STRONG_CUE.source}|正在|是在|着手`);

/** Verbs of concrete action: a task without a named owner must say one after its modal ("将落实…规划"). */
export const ACTION =
  /落实|发布|出台|制定|编制|印发|建设|建立|完成|开展|实施|推出|启动|组建|设立|开工|建成|召开|举办|修订|完善|推进|推动|加快|纳入|实现|部署|整治|治理|改造|搬迁|疏解|调整|提升|打造/;

/** A modal that puts an action to be done after it; 要求/提出/强调 at a clause end introduce the clauses after. */
export const MODAL = /将|要求?|力争|确保|争取|计划(?=[在于到将要年今明])|拟|必须|务必|应当?/g;
export const INTRODUCES = /(?:要求|提出|强调|明确)$/;

/** A question ("工作专班要干些什么？") asks; it does not commit. */
export const QUESTION = /[？?]\s*$|什么|缘何|为何|如何|怎么|吗$/;

/** A quantity after a preposition is the setting, not the target ("从9个专项小组…来看", "以9个专项小组…加以保障"). */
export const PREPOSITION_BEFORE = /(?:^|[以从对在由向为按照据面针围绕经过通])$/;
export const PREPOSITION_OPENING = /^(?:从|以|在|对|由|针对|面对|围绕|按照|根据|通过|经过)/;
