// Which clauses state a task or a commitment. The inclusion rule is the gold files' own
// (../shared/gold/RULES.md): a commitment has a quantity target or a completion milestone
// (建成, 完工, 开工…); a task has a named owner or an explicit deadline. Both must be said
// as something to do — a directive or future cue, or a dated plan section — and never as a
// report of what was done (已, 累计, dates all in the past).
//
// A sentence is read clause by clause. Clauses carrying a target, a milestone or a deadline
// ("triggers") become items; the clauses before a trigger are its lead-in
// ("高标准建设北京大兴国际机场," + "实现6月底竣工验收"). Two triggers of the same sort
// (two targets, two milestones, two deadlines) are two items; otherwise they are one.
import type { Sentence, Span } from './clauses';
import { categoryOf, paragraphField } from './categories';
import {
  ACTION,
  INTRODUCES,
  MODAL,
  PAST,
  PREPOSITION_BEFORE,
  PREPOSITION_OPENING,
  QUESTION,
  OWNER_CUE,
  STRONG_CUE,
  type WordMention,
} from './cues';
import type { Section } from './sections';
import type { Candidate, DeadlineSource, OwnerMention, TargetMention, TemporalMention } from './types';

export interface SentenceContext {
  text: string;
  published: string | null;
  temporal: readonly TemporalMention[];
  targets: readonly TargetMention[];
  /** The sections holding the sentence, outermost first. */
  sections: readonly Section[];
  /** The paragraph the sentence is in, for its field lead ("交通方面,"). */
  paragraph: Span;
  owners: (clause: Span) => OwnerMention[];
  /** Completion milestones and directive words of the whole text (findWords), sorted by start. */
  milestones: readonly WordMention[];
  cues: readonly WordMention[];
}

interface ClauseFacts extends Span {
  temporal: TemporalMention[];
  deadlines: TemporalMention[];
  targets: TargetMention[];
  milestones: string[];
  cues: string[];
}

/** The task and commitment candidates one sentence states (often none). */
export function sentenceCandidates(sentence: Sentence, ctx: SentenceContext): Candidate[] {
  const { text } = ctx;
  const words = text.slice(sentence.start, sentence.end);
  // Most sentences state nothing to track: without a date, a target or a modal they are passed over cheaply.
  if (!hasAny(ctx.temporal, sentence) && !hasAny(ctx.targets, sentence) && !OWNER_CUE.test(words)) return [];
  if (PAST.test(words) || QUESTION.test(words)) return [];
  const facts = sentence.clauses.map((c) => clauseFacts(c, ctx));
  if (onlyPastDates(words, facts, ctx.published)) return [];
  const section = [...ctx.sections].reverse().find((s) => s.deadline) ?? null;
  // A cue governs what follows it: "将 X, Y, Z" — not the clauses before it.
  const strongUpTo = (end: number) => STRONG_CUE.test(text.slice(sentence.start, end));

  const groups = triggerGroups(facts);
  const candidates: Candidate[] = [];
  for (const group of groups) {
    const targets = group.flatMap((f) => f.targets);
    const milestones = group.flatMap((f) => f.milestones);
    const deadlines = group.flatMap((f) => f.deadlines);
    const cues = [...new Set(group.flatMap((f) => f.cues))];
    // A milestone or a target is promised when said as a directive, with a time limit, or under a dated plan heading.
    const promised = strongUpTo(group[group.length - 1]!.end) || section !== null || deadlines.length > 0;
    const commitment = (milestones.length > 0 || targets.length > 0) && promised;
    // Under a dated plan heading a list item is a directive without a modal ("年内完成首批项目选址").
    const task =
      !commitment &&
      deadlines.length > 0 &&
      (statesAction(text, group) || (section !== null && saysAction(text, group)));
    if (!commitment && !task) continue;
    const owners = ctx.owners(spanOf(group));
    candidates.push(
      candidate(ctx, group, {
        kind: commitment ? 'commitment' : 'task',
        milestone: milestones.length > 0,
        targets,
        deadlines,
        owners,
        cues: [...cues, ...milestones],
        section,
        sentence,
      }),
    );
  }
  if (candidates.length > 0 || !OWNER_CUE.test(words)) return candidates;

  // No target, milestone or deadline: a task when a named unit is told what to do.
  const ownerAt = facts.findIndex((f) => ctx.owners(f).length > 0);
  if (ownerAt < 0) return [];
  const group = facts.slice(ownerAt);
  if (!OWNER_CUE.test(text.slice(group[0]!.start, sentence.end))) return [];
  return [
    candidate(ctx, group, {
      kind: 'task',
      milestone: false,
      targets: [],
      deadlines: [],
      owners: ctx.owners(spanOf(group)),
      cues: [...new Set(group.flatMap((f) => f.cues))],
      section,
      sentence,
    }),
  ];
}

/**
 * The fields of a passage the analyst chose, whatever the inclusion rules say: its latest
 * time limit is the deadline (else the section's), earlier ones are milestones, and every
 * target and owner in it counts. A passage of several clauses is one item.
 */
export function passageCandidate(passage: Sentence, ctx: SentenceContext): Candidate {
  const facts = passage.clauses.map((c) => clauseFacts(c, ctx));
  const section = [...ctx.sections].reverse().find((s) => s.deadline) ?? null;
  const targets = facts.flatMap((f) => f.targets);
  const milestones = facts.flatMap((f) => f.milestones);
  return candidate(ctx, facts, {
    kind: milestones.length > 0 || targets.length > 0 ? 'commitment' : 'task',
    milestone: milestones.length > 0,
    targets,
    deadlines: facts.flatMap((f) => f.deadlines),
    owners: ctx.owners(passage),
    cues: [...new Set(facts.flatMap((f) => f.cues)), ...milestones],
    section,
    sentence: passage,
  });
}

/** The clauses' span: owners are read over it whole, so a label list ("牵头单位：…；责任单位：…") keeps its roles. */
const spanOf = (group: readonly Span[]): Span => ({ start: group[0]!.start, end: group[group.length - 1]!.end });

/** Whether the clauses name a concrete action at all. */
const saysAction = (text: string, group: readonly Span[]): boolean =>
  group.some((clause) => ACTION.test(text.slice(clause.start, clause.end)));

/** Whether a modal in the clauses is followed by a concrete action, in its clause or the clause it introduces. */
function statesAction(text: string, group: readonly Span[]): boolean {
  return group.some((clause, i) => {
    const words = text.slice(clause.start, clause.end);
    for (const m of words.matchAll(MODAL)) {
      if (ACTION.test(words.slice(m.index + m[0].length))) return true;
    }
    const next = group[i + 1];
    return INTRODUCES.test(words) && next !== undefined && ACTION.test(text.slice(next.start, next.end));
  });
}

function clauseFacts(clause: Span, ctx: SentenceContext): ClauseFacts {
  const temporal = within(ctx.temporal, clause);
  return {
    ...clause,
    temporal,
    deadlines: temporal.filter((m) => isDeadlineOf(m, ctx.text, clause, ctx.published)),
    targets: within(ctx.targets, clause).filter((t) => !inSetting(ctx.text, clause, t)),
    milestones: within(ctx.milestones, clause).map((w) => w.text),
    cues: within(ctx.cues, clause).map((w) => w.text),
  };
}

/** Whether the quantity sets the scene (after a preposition) rather than being what is to be done. */
function inSetting(text: string, clause: Span, target: TargetMention): boolean {
  const before = text.slice(clause.start, target.start);
  return PREPOSITION_BEFORE.test(before) || PREPOSITION_OPENING.test(before);
}

/** Whether any mention starts inside the span. */
function hasAny(mentions: readonly Span[], span: Span): boolean {
  const i = firstAtOrAfter(mentions, span.start);
  return i < mentions.length && mentions[i]!.start < span.end;
}

/** Index of the first mention starting at or after `offset` (mentions are sorted by start). */
function firstAtOrAfter(mentions: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (mentions[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Mentions inside the span (mentions are sorted by start; found by binary search, as a long text has many). */
function within<T extends Span>(mentions: readonly T[], span: Span): T[] {
  const result: T[] = [];
  for (let i = firstAtOrAfter(mentions, span.start); i < mentions.length && mentions[i]!.start < span.end; i++) {
    if (mentions[i]!.end <= span.end) result.push(mentions[i]!);
  }
  return result;
}

/**
 * A time limit for the clause: a deadline; or a time after publication said as the time of
 * the action — a relative time (今年,…) that is not attributive (今年的…, 今年是…), a date
 * set off by a comma (2016年,…) or an annual scope (2022年度…). Never an aside in brackets
 * or a title in 《》.
 */
function isDeadlineOf(m: TemporalMention, text: string, clause: Span, published: string | null): boolean {
  if (!m.normalized.to || insideBrackets(text, clause.start, m.start)) return false;
  if (m.kind === 'deadline') return true;
  if (published && m.normalized.to <= published) return false;
  const next = text[m.end] ?? '';
  if (m.kind === 'relative') return !/[的是为]/.test(next);
  return /[,，]/.test(next) || m.text.endsWith('年度');
}

/** Whether `offset` is inside an open bracket or book title counted from `from`. */
function insideBrackets(text: string, from: number, offset: number): boolean {
  let depth = 0;
  for (let i = from; i < offset; i++) {
    const ch = text[i]!;
    if ('(（《【['.includes(ch)) depth++;
    else if (')）》】]'.includes(ch)) depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/** A report of what happened, by its dates: only dates before publication, and no directive. */
function onlyPastDates(words: string, facts: readonly ClauseFacts[], published: string | null): boolean {
  if (!published) return false;
  const dated = facts.flatMap((f) => f.temporal).filter((m) => m.normalized.to);
  return dated.length > 0 && dated.every((m) => m.normalized.to! < published) && !STRONG_CUE.test(words);
}

/** The clauses grouped into items: each trigger with the plain clauses before it, the tail joined to the last. */
function triggerGroups(facts: readonly ClauseFacts[]): ClauseFacts[][] {
  const groups: ClauseFacts[][] = [];
  let lead: ClauseFacts[] = [];
  for (const f of facts) {
    const sorts = triggerSorts(f);
    if (sorts.length === 0) {
      lead.push(f);
      continue;
    }
    const last = groups[groups.length - 1];
    // A clause adding what the previous trigger lacks (a deadline for a target) belongs to it.
    if (last && lead.length === 0 && !sorts.some((s) => last.some((g) => triggerSorts(g).includes(s)))) {
      last.push(f);
    } else {
      groups.push([...lead, f]);
    }
    lead = [];
  }
  if (lead.length > 0 && groups.length > 0) groups[groups.length - 1]!.push(...lead);
  return groups;
}

function triggerSorts(f: ClauseFacts): ('target' | 'milestone' | 'deadline')[] {
  const sorts: ('target' | 'milestone' | 'deadline')[] = [];
  if (f.targets.length > 0) sorts.push('target');
  if (f.milestones.length > 0) sorts.push('milestone');
  if (f.deadlines.length > 0) sorts.push('deadline');
  return sorts;
}

interface CandidateParts {
  kind: Candidate['kind'];
  /** Whether a completion milestone (建成, 开工…) is among the cues. */
  milestone: boolean;
  targets: TargetMention[];
  deadlines: TemporalMention[];
  owners: OwnerMention[];
  cues: string[];
  section: Section | null;
  sentence: Sentence;
}

function candidate(ctx: SentenceContext, group: readonly ClauseFacts[], parts: CandidateParts): Candidate {
  const start = group[0]!.start;
  const end = group[group.length - 1]!.end;
  const quote = ctx.text.slice(start, end);
  const byDue = [...parts.deadlines].sort((a, b) => (a.normalized.to! < b.normalized.to! ? -1 : 1));
  const explicit = byDue[byDue.length - 1] ?? null;
  const inherited = explicit ? null : inheritedDeadline(ctx, parts.sentence, start, parts.section);
  const deadline = explicit ? { ...explicit, source: 'explicit' as DeadlineSource } : inherited;
  const paragraph = ctx.text.slice(ctx.paragraph.start, ctx.paragraph.end);
  const sectionField = [...ctx.sections].reverse().find((s) => s.category)?.category ?? null;
  return {
    kind: parts.kind,
    quote,
    start,
    end,
    confidence: confidence(parts, deadline),
    deadline,
    milestones: byDue.slice(0, -1),
    owners: dedupeOwners(parts.owners),
    targets: parts.targets,
    category: paragraphField(paragraph) ?? categoryOf(quote) ?? sectionField,
    cues: [...new Set(parts.cues)],
  };
}

/** A deadline from the sentence's opening ("今年,…", context) or from a dated plan heading (section). */
function inheritedDeadline(
  ctx: SentenceContext,
  sentence: Sentence,
  start: number,
  section: Section | null,
): Candidate['deadline'] {
  const opening = sentence.clauses[0]!;
  if (start > opening.start) {
    const lead = within(ctx.temporal, opening).find(
      (m) => m.start === opening.start && m.end === opening.end && isDeadlineOf(m, ctx.text, opening, ctx.published),
    );
    if (lead) return { ...lead, source: 'context' };
  }
  return section?.deadline ? { ...section.deadline, source: 'section' } : null;
}

function confidence(parts: CandidateParts, deadline: Candidate['deadline']): number {
  let score = 0.45;
  if (parts.targets.length > 0) score += 0.15;
  if (parts.milestone) score += 0.1;
  if (deadline?.source === 'explicit') score += 0.15;
  else if (deadline) score += 0.05;
  if (parts.owners.length > 0) score += 0.1;
  return Math.min(0.95, Math.round(score * 100) / 100);
}

function dedupeOwners(owners: readonly OwnerMention[]): OwnerMention[] {
  const seen = new Set<string>();
  return owners.filter((o) => !seen.has(`${o.start}:${o.end}`) && seen.add(`${o.start}:${o.end}`));
}
