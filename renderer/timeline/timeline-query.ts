// The timeline's filters, lanes and focus as a URL query (#/timeline?owner=发改委&lanes=owner),
// read and written like the items view's (items-query.ts), whose filter parameters it shares:
// a link from the owners view, Back from a passage, or a bookmark brings the same timeline back.
// `focus=item:<id>` (or event:, document:) centres the timeline on that entry once.
import { EMPTY_ITEM_FILTER, type ItemFilter } from '../../shared/model/item-filters';
import { parseEntryKey } from '../../shared/timeline/entries';
import { LANE_GROUPINGS, type LaneGrouping } from '../../shared/timeline/layout';
import { navigate } from '../app/route';
import { DEFAULT_ITEMS_QUERY, formatItemsQuery, parseItemsQuery } from '../items/items-query';

export interface TimelineQuery {
  filter: ItemFilter;
  lanes: LaneGrouping;
  /** The entry to centre on and select (`item:<id>`…), or null. */
  focus: string | null;
}

export const DEFAULT_LANES: LaneGrouping = 'kind';
export const DEFAULT_TIMELINE_QUERY: TimelineQuery = { filter: EMPTY_ITEM_FILTER, lanes: DEFAULT_LANES, focus: null };

export function parseTimelineQuery(query: string | undefined): TimelineQuery {
  const params = new URLSearchParams(query ?? '');
  const lanes = params.get('lanes') ?? '';
  const focus = params.get('focus') ?? '';
  return {
    filter: parseItemsQuery(query).filter,
    lanes: (LANE_GROUPINGS as readonly string[]).includes(lanes) ? (lanes as LaneGrouping) : DEFAULT_LANES,
    focus: parseEntryKey(focus) ? focus : null,
  };
}

/** The query string (without '?'); defaults are left out, so an unfiltered timeline is plain #/timeline. */
export function formatTimelineQuery({ filter, lanes, focus }: TimelineQuery): string {
  const params = new URLSearchParams(formatItemsQuery({ ...DEFAULT_ITEMS_QUERY, filter }));
  if (lanes !== DEFAULT_LANES) params.set('lanes', lanes);
  if (focus) params.set('focus', focus);
  return params.toString();
}

/** The query for "show this on the timeline": the entry alone, every filter cleared. */
export const focusQuery = (key: string): string => formatTimelineQuery({ ...DEFAULT_TIMELINE_QUERY, focus: key });

/** Opens the timeline centred on an entry (`item:<id>`, `event:<id>`, `document:<id>`), every filter cleared. */
export const showOnTimeline = (key: string): void => navigate({ screen: 'timeline', query: focusQuery(key) });

/**
 * Where the analyst left the timeline in this window: its query, the view (first day shown and
 * scale) and the selected entry, so the header's Timeline button and Back from a passage
 * return to the same place.
 */
export const timelineMemory = {
  query: '',
  view: null as { start: number; pxPerDay: number } | null,
  active: null as string | null,
  preview: null as string | null,
};
