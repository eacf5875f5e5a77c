// Dates pinned from the text: a dated mention the extraction found (2019年6月底, 十三五) or a
// selection becomes an event of the timeline. What its title and date are, and which mentions
// of a document are pinned already. Pure.
import type { TemporalMention } from '../extract/types';
import { itemTitle, mentionRange } from '../model/items';
import type { DateRange } from '../model/types';

const SENTENCE_END = /[。！？!?；;\n]/;

/** The sentence around [start, end) (up to the punctuation ending the sentence before and this one), trimmed. */
export function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.test(text[to]!)) to++;
  if (to < text.length && text[to] !== '\n') to++; // keep the sentence's own 。
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return { start: from, end: to };
}

/** An event's title for a date mention: the sentence it is in, shortened like an item's title. */
export function mentionTitle(text: string, mention: Pick<TemporalMention, 'start' | 'end'>): string {
  const sentence = sentenceAround(text, mention.start, mention.end);
  return itemTitle(text.slice(sentence.start, sentence.end));
}

/** The date ranges of the mentions that have one (a vague 近年 has none). */
export function datedMentions(mentions: readonly TemporalMention[]): { mention: TemporalMention; date: DateRange }[] {
  return mentions.flatMap((mention) => {
    const date = mentionRange(mention);
    return date ? [{ mention, date }] : [];
  });
}

/**
 * What an event made from a selection starts as: its words as the title, and the date of the
 * first dated mention inside it (else of `fallback`, e.g. what describePassage read from the
 * passage's context, else null for the analyst to fill in).
 */
export function selectionDraft(
  text: string,
  range: { start: number; end: number },
  mentions: readonly TemporalMention[],
  fallback: DateRange | null = null,
): { title: string; date: DateRange | null } {
  const inside = datedMentions(mentions).find(
    ({ mention }) => mention.start >= range.start && mention.end <= range.end,
  );
  return { title: itemTitle(text.slice(range.start, range.end)), date: inside?.date ?? fallback };
}

/** A pinned passage: the offsets of the highlight an event was made from. */
export interface PinnedPassage {
  eventId: string;
  start: number;
  end: number;
}

/** The event each mention is pinned as (by the mention's offsets), if any. */
export function pinnedEvents(
  mentions: readonly Pick<TemporalMention, 'start' | 'end'>[],
  pins: readonly PinnedPassage[],
): (string | null)[] {
  const byOffsets = new Map(pins.map((p) => [`${p.start}:${p.end}`, p.eventId]));
  return mentions.map((m) => byOffsets.get(`${m.start}:${m.end}`) ?? null);
}
