// Item deadlines as an iCalendar file (RFC 5545) that calendar apps import: one all-day event per
// dated item.
//
// Which day: a deadline is a range at a precision ("2019年" is all of 2019, "二季度" a quarter),
// and `to` is the day it falls due. An event spanning the whole range would fill a calendar with
// year-long bars that say nothing about when to act, so the event sits on the due day; the range
// and the words it came from are in the description.
//
// Status: VEVENT allows only TENTATIVE, CONFIRMED and CANCELLED. Open and in-progress items are
// CONFIRMED; unknown ones TENTATIVE; missed ones CANCELLED (calendars strike them through, as the
// timeline does); done ones CONFIRMED with "✓ " before the summary. Events are TRANSPARENT: a
// deadline does not make the analyst busy that day.
import type { ItemRecord, ItemStatus } from '../model/types';
import {
  itemPassage,
  kindLabel,
  ownersText,
  passageLink,
  publishedText,
  shorten,
  type ExportLookups,
} from './export-data';

export interface CalendarOptions {
  /** When the file is made: every event's DTSTAMP. */
  now: Date;
  /** Dossier's version, for PRODID. */
  appVersion?: string;
  /** The calendar's name (X-WR-CALNAME, which most apps show). */
  name?: string;
}

const EVENT_STATUS: Record<ItemStatus, 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'> = {
  open: 'CONFIRMED',
  'in-progress': 'CONFIRMED',
  done: 'CONFIRMED',
  missed: 'CANCELLED',
  unknown: 'TENTATIVE',
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma; line ends as \n. */
export function icalText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const utf8Bytes = (codePoint: number): number =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/**
 * Folds a content line to at most 75 octets per physical line (RFC 5545 3.1), continuation lines
 * starting with a space. Octets of UTF-8, counted per code point, so a Chinese character (3
 * octets) or an emoji (4) is never split between lines.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = utf8Bytes(char.codePointAt(0)!);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line is one of its 75 octets
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** 2019-12-31 → 20191231, or null when it is not a calendar day. */
function icalDate(day: string): string | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === day ? `${match[1]}${match[2]}${match[3]}` : null;
}

/** The day after `day` (YYYY-MM-DD) as an iCalendar DATE: an all-day event's exclusive end. */
function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10).replace(/-/g, '');
}

/** A UTC DATE-TIME: 20240102T030405Z. */
const icalStamp = (date: Date): string =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** An http(s) address fit for the URL property (a URI: characters beyond ASCII percent-encoded), or null. */
function webAddress(url: string | null | undefined): string | null {
  if (!url || !/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(url)) return null;
  // Everything outside printable ASCII is percent-encoded.
  return url.replace(/[^\x21-\x7e]/gu, (char) => encodeURIComponent(char));
}

/** What an analyst reads in the event: due day and range, status, owners, targets, the passage, where it is from. */
function description(item: ItemRecord, lookups: ExportLookups): string {
  const deadline = item.deadline!;
  const document = item.documentId ? lookups.documents.get(item.documentId) : undefined;
  const range = deadline.from !== deadline.to ? ` (${deadline.precision}: ${deadline.from} – ${deadline.to})` : '';
  const lines = [
    `Due: ${deadline.to}${range}${deadline.text ? ` — “${deadline.text}”` : ''}`,
    `Status: ${item.status}`,
    item.owners.length > 0 && `Owners: ${ownersText(item.owners)}`,
    item.targets.length > 0 && `Targets: ${item.targets.map((t) => t.text).join('; ')}`,
    item.category && `Category: ${item.category}`,
    `Passage: ${itemPassage(item, lookups.annotations)}`,
    item.noteText && `Note: ${item.noteText}`,
    document && `Document: ${document.title}`,
    document?.source.site && `Source: ${document.source.site}`,
    document?.published && `Published: ${publishedText(document.published)}`,
    document?.source.url && `URL: ${document.source.url}`,
    item.documentId &&
      lookups.appUrl &&
      `Open in Dossier: ${passageLink(lookups.appUrl, item.documentId, item.annotationIds[0])}`,
  ];
  return lines.filter(Boolean).join('\n');
}

/** One VEVENT's content lines (unfolded), or null for an item without a usable deadline. */
export function deadlineEvent(item: ItemRecord, lookups: ExportLookups, now: Date): string[] | null {
  const start = item.deadline ? icalDate(item.deadline.to) : null;
  if (!item.deadline || start === null) return null;
  const document = item.documentId ? lookups.documents.get(item.documentId) : undefined;
  const kind = kindLabel(lookups, item.kind);
  const summary = `${item.status === 'done' ? '✓ ' : ''}${kind}: ${shorten(itemPassage(item, lookups.annotations), 60)}`;
  const categories = [kind, item.category ?? '', ...item.tags].filter(Boolean).map(icalText);
  const url = webAddress(document?.source.url);
  return [
    'BEGIN:VEVENT',
    `UID:item-${item.id}@dossier`,
    `DTSTAMP:${icalStamp(now)}`,
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${nextDay(item.deadline.to)}`,
    `SUMMARY:${icalText(summary)}`,
    `DESCRIPTION:${icalText(description(item, lookups))}`,
    ...(categories.length > 0 ? [`CATEGORIES:${categories.join(',')}`] : []),
    `STATUS:${EVENT_STATUS[item.status]}`,
    'TRANSP:TRANSPARENT',
    ...(Number.isNaN(Date.parse(item.updatedAt)) ? [] : [`LAST-MODIFIED:${icalStamp(new Date(item.updatedAt))}`]),
    ...(url ? [`URL:${url}`] : []),
    'END:VEVENT',
  ];
}

/** The calendar in pieces (header, one folded VEVENT per dated item, footer), each ending in CRLF. */
export function* deadlinesIcalPieces(
  items: Iterable<ItemRecord>,
  lookups: ExportLookups,
  options: CalendarOptions,
): Generator<string> {
  const lines = (content: readonly string[]) => content.map((line) => `${foldLine(line)}\r\n`).join('');
  yield lines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Dossier//Dossier${options.appVersion ? ` ${options.appVersion}` : ''}//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icalText(options.name ?? 'Dossier deadlines')}`,
  ]);
  for (const item of items) {
    const event = deadlineEvent(item, lookups, options.now);
    if (event) yield lines(event);
  }
  yield lines(['END:VCALENDAR']);
}

/** The whole calendar as one string. */
export const deadlinesIcal = (items: Iterable<ItemRecord>, lookups: ExportLookups, options: CalendarOptions): string =>
  [...deadlinesIcalPieces(items, lookups, options)].join('');

/** How many of the items get an event (a deadline on a real day). */
export const datedItemCount = (items: Iterable<ItemRecord>): number => {
  let count = 0;
  for (const item of items) if (item.deadline && icalDate(item.deadline.to) !== null) count++;
  return count;
};
