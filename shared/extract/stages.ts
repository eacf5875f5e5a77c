// Staged goals: "一年奠定基础、三年初见成效、五年全面提升" — a plan's milestones counted in
// years from its start. The gold files leave them out of the temporal expressions (the years
// are durations, not dates), so they are reported on their own: each stage as a period from
// the start of the publication year to the end of its last year, for the analyst to confirm.
import { parseChineseNumber } from './chinese-numerals';
import type { TemporalMention } from './types';

/** One stage: a count of years and what is reached by then (2–10 characters). */
const STAGE = '([一二三四五六七八九十两\\d]{1,3})年(?:内|左右)?([\\u4e00-\\u9fff]{2,10})';
/** Two or more stages in a row, separated by 、，, or ；. */
const STAGES = new RegExp(`${STAGE}(?:[、，,；;]${STAGE})+`, 'g');
const ONE = new RegExp(STAGE, 'g');

export function findStages(text: string, published: string | null): TemporalMention[] {
  const startYear = published ? Number(published.slice(0, 4)) : null;
  const result: TemporalMention[] = [];
  for (const run of text.matchAll(STAGES)) {
    const stages = [...run[0].matchAll(ONE)].map((m) => ({
      years: parseChineseNumber(m[1]!) ?? Number(m[1]),
      start: run.index + m.index,
      end: run.index + m.index + m[0].length,
      text: m[0],
    }));
    // A staged plan counts up (一年…三年…五年); anything else is a list of durations.
    if (
      !stages.every((s, i) => Number.isFinite(s.years) && s.years > 0 && (i === 0 || s.years > stages[i - 1]!.years))
    ) {
      continue;
    }
    for (const s of stages) {
      result.push({
        text: s.text,
        start: s.start,
        end: s.end,
        kind: 'period',
        normalized:
          startYear === null
            ? { from: null, to: null, precision: 'year' }
            : { from: `${startYear}-01-01`, to: `${startYear + s.years - 1}-12-31`, precision: 'year' },
      });
    }
  }
  return result;
}
