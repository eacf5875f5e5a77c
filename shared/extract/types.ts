// What shared/extract reads out of Chinese policy text. Plain data: every result names its
// exact span (UTF-16 offsets into the text it was given) so the app can highlight it and
// the evaluation can compare it with the gold files of ../shared/gold (RULES.md there).
import type { DatePrecision } from '../model/types';

/**
 * date: when something happens or happened (2019年6月6日, 2022年 scoping an annual figure);
 * deadline: a time limit (9月底前, 到2025年, 年内, a year by which a state is reached);
 * period: a span (2018—2035年, 十三五, 1月16日至18日);
 * relative: resolved against the publication date (今年, 去年, 明年, 今天, 今年年初).
 */
export type TemporalKind = 'date' | 'deadline' | 'period' | 'relative';

/** A normalised date: `to` is the last day covered; `from` is set for periods and ranges only. */
export interface NormalizedDate {
  /** YYYY-MM-DD, the first day covered — for periods, ranges and parts of a year (年初 → Jan 1); else null. */
  from: string | null;
  /** YYYY-MM-DD, the last day covered; null for vague expressions. */
  to: string | null;
  precision: DatePrecision;
}

export interface TemporalMention {
  /** The words as written, `text === source.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  kind: TemporalKind;
  normalized: NormalizedDate;
}

/** How an owner is named next to a task. */
export type OwnerRole = 'lead' | 'responsible';

export interface OwnerMention {
  /** As written: 市发改委, 人口调控工作小组, 常务副市长李士祥. */
  text: string;
  start: number;
  end: number;
  /** One name per owner: the alias table's canonical name (北京市发展和改革委员会), else the text. */
  normalized: string;
  role: OwnerRole;
  /** A person named with their role (常务副市长李士祥 → {title: 常务副市长, name: 李士祥}). */
  person?: { name: string; title: string };
}

export interface TargetMention {
  /** As written: 309家, 1.7万亿元, 不少于5人. */
  text: string;
  start: number;
  end: number;
  /** The number in plain units (1.7万亿 → 1.7e12; 二十 → 20). */
  value: number;
  /** Measure word or unit: 家, 个, 亩, 公里, 亿元, 项. */
  unit: string;
}

export type CandidateKind = 'task' | 'commitment';

/** Where an item's deadline came from (RULES.md): its own words, a dated heading above it, or the text around it. */
export type DeadlineSource = 'explicit' | 'section' | 'context';

/** A clause or sentence that states a task or a commitment, with the fields read from it. */
export interface Candidate {
  kind: CandidateKind;
  quote: string;
  start: number;
  end: number;
  /** 0–1: how sure the rules are that this states a task or commitment. */
  confidence: number;
  /** The deadline: the latest time limit in the clause, else one inherited from its section. */
  deadline: (TemporalMention & { source: DeadlineSource }) | null;
  /** Earlier dated steps in the same clause (实现6月底竣工验收 before 9月底前建成通航). */
  milestones: TemporalMention[];
  owners: OwnerMention[];
  targets: TargetMention[];
  /** A topic read from the section heading or the clause (交通, 生态, 产业…), or null. */
  category: string | null;
  /** The cue words that made it a candidate (要, 将, 确保, 建成…), for the panel to show why. */
  cues: string[];
}

/** Everything extraction reads from one document. */
export interface Extraction {
  temporal: TemporalMention[];
  candidates: Candidate[];
  /**
   * Staged goals counted from the plan's start ("一年奠定基础、三年初见成效、五年全面提升"), as
   * periods from the publication year. Kept apart from `temporal`: their years are durations.
   */
  stages: TemporalMention[];
}

/** What extraction needs to know besides the text. */
export interface ExtractContext {
  /** The document's publication date, YYYY-MM-DD; relative expressions resolve against it. Null: unresolved. */
  published: string | null;
  /** Ranges of the text to leave alone (markup, site footers) — offsets stay those of the full text. */
  skip?: readonly { start: number; end: number }[];
  /** The analyst's own owner aliases (alias → canonical name), added to the built-in table. */
  aliases?: Readonly<Record<string, string>>;
}
