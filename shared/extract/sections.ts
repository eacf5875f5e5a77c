// The section structure of a plan, read from its numbered headings ("二、关于2019年工作要点的
// 主要任务", "（三）交通", "第二章"). A heading that names a year and a plan of work dates
// every task under it (RULES.md: deadline_source "section"); a heading or a paragraph lead
// such as "交通方面," gives the items under it their category.
import type { Span } from './clauses';
import type { TemporalMention } from './types';
import { categoryOf } from './categories';

export interface Section extends Span {
  /** The heading line. */
  heading: Span;
  level: number;
  /** The year the heading sets for its tasks (a date or deadline mention in the heading), or null. */
  deadline: TemporalMention | null;
  category: string | null;
}

/** Section numbers and their depth: 第一章 (0), 一、 (1), （一） (2), 1. / 1、 (3). */
const NUMBERED: readonly [RegExp, number][] = [
  [/^第[一二三四五六七八九十百\d]+[章部篇节]/, 0],
  [/^[一二三四五六七八九十]+[、.．]/, 1],
  [/^[（(][一二三四五六七八九十]+[）)]/, 2],
  [/^\d{1,2}[、.．](?!\d)/, 3],
];

/** Words that make a dated heading a plan of work (its tasks are due by the end of that year). */
const PLAN_WORDS = /工作要点|重点工作|主要任务|重点任务|工作任务|目标任务|任务|工作计划|行动计划|计划|安排/;

/** Longest line taken for a heading: numbered paragraphs of prose are longer. */
const HEADING_LENGTH = 40;

/** The numbered headings of `text` and the sections they open (to the next heading at the same or a higher level). */
export function findSections(text: string, temporal: readonly TemporalMention[]): Section[] {
  const headings: { span: Span; level: number }[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const trimmedLine = line.trim();
    if (trimmedLine.length > 0 && trimmedLine.length <= HEADING_LENGTH && !/[。；;！？]$/.test(trimmedLine)) {
      const level = NUMBERED.find(([re]) => re.test(trimmedLine))?.[1];
      if (level !== undefined) {
        const start = lineStart + line.indexOf(trimmedLine);
        headings.push({ span: { start, end: start + trimmedLine.length }, level });
      }
    }
    lineStart = lineEnd + 1;
  }
  return headings.map((h, i) => {
    let end = text.length;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j]!.level <= h.level) {
        end = headings[j]!.span.start;
        break;
      }
    }
    const words = text.slice(h.span.start, h.span.end);
    return {
      start: h.span.start,
      end,
      heading: h.span,
      level: h.level,
      deadline: PLAN_WORDS.test(words) ? headingYear(h.span, temporal) : null,
      category: categoryOf(words),
    };
  });
}

/** A year-long (or longer) date or deadline in the heading: the plan's year. */
function headingYear(span: Span, temporal: readonly TemporalMention[]): TemporalMention | null {
  for (const m of temporal) {
    if (m.start >= span.end) break;
    if (m.start >= span.start && m.normalized.to && m.kind !== 'period' && m.normalized.precision === 'year') return m;
  }
  return null;
}

/**
 * The sections holding each offset, outermost first, for offsets asked in increasing order:
 * one sweep over the sections however many candidates a long plan has.
 */
export function sectionCursor(sections: readonly Section[]): (offset: number) => readonly Section[] {
  const open: Section[] = [];
  let next = 0;
  return (offset) => {
    for (;;) {
      while (open.length > 0 && open[open.length - 1]!.end <= offset) open.pop();
      const candidate = sections[next];
      if (!candidate || candidate.start > offset) break;
      next++;
      while (open.length > 0 && open[open.length - 1]!.end <= candidate.start) open.pop();
      if (candidate.end > offset) open.push(candidate);
    }
    return open;
  };
}
