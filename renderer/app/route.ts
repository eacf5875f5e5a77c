import { useEffect, useState } from 'react';

/** Screens are addressed by the URL hash, so a reload reopens the same document. */
export type Route =
  | { screen: 'library' }
  /** `at`: a passage to show (offsets into the canonical text), e.g. a search hit. */
  | { screen: 'reader'; documentId: string; annotationId?: string; at?: { start: number; end: number } }
  /** The items of the whole library; `query` holds its filters and sort (renderer/items/items-query.ts). */
  | { screen: 'items'; query?: string }
  /** The timeline of everything dated; `query` holds its filters, lanes and focus (renderer/timeline/timeline-query.ts). */
  | { screen: 'timeline'; query?: string }
  /** Every owner of the library's items; `owner` is the one selected (renderer/owners/OwnersView.tsx). */
  | { screen: 'owners'; owner?: string }
  /** Search across the library; `query` holds the words and filters (renderer/search/search-query.ts). */
  | { screen: 'search'; query?: string }
  /** The analyst's briefs; `briefId` is the one open in the editor (renderer/briefs/). */
  | { screen: 'briefs'; briefId?: string }
  /** Records with sync conflicts, to compare and resolve (renderer/sync/ConflictsView.tsx). */
  | { screen: 'conflicts' };

export function parseRoute(hash: string): Route {
  const match = /^#\/doc\/([^/?]+)(?:\/a\/([^/?]+))?/.exec(hash);
  if (match) {
    const route: Extract<Route, { screen: 'reader' }> = {
      screen: 'reader',
      documentId: decodeURIComponent(match[1]!),
      annotationId: match[2],
    };
    const at = /[?&]at=(\d+)-(\d+)/.exec(hash);
    return at ? { ...route, at: { start: Number(at[1]), end: Number(at[2]) } } : route;
  }
  const briefs = /^#\/briefs(?:\/([^/?]+))?\/?$/.exec(hash);
  if (briefs) return briefs[1] ? { screen: 'briefs', briefId: decodeURIComponent(briefs[1]) } : { screen: 'briefs' };
  if (/^#\/conflicts\/?$/.test(hash)) return { screen: 'conflicts' };
  const search = /^#\/search\/?(?:\?(.*))?$/.exec(hash);
  if (search) return search[1] ? { screen: 'search', query: search[1] } : { screen: 'search' };
  const items = /^#\/items\/?(?:\?(.*))?$/.exec(hash);
  if (items) return items[1] ? { screen: 'items', query: items[1] } : { screen: 'items' };
  const timeline = /^#\/timeline\/?(?:\?(.*))?$/.exec(hash);
  if (timeline) return timeline[1] ? { screen: 'timeline', query: timeline[1] } : { screen: 'timeline' };
  const owners = /^#\/owners\/?(?:\?(.*))?$/.exec(hash);
  if (owners) {
    const owner = new URLSearchParams(owners[1] ?? '').get('owner');
    return owner ? { screen: 'owners', owner } : { screen: 'owners' };
  }
  return { screen: 'library' };
}

export function routeHash(route: Route): string {
  if (route.screen === 'library') return '#/';
  if (route.screen === 'items') return `#/items${route.query ? `?${route.query}` : ''}`;
  if (route.screen === 'owners') return `#/owners${route.owner ? `?owner=${encodeURIComponent(route.owner)}` : ''}`;
  if (route.screen === 'timeline') return `#/timeline${route.query ? `?${route.query}` : ''}`;
  if (route.screen === 'briefs') return `#/briefs${route.briefId ? `/${encodeURIComponent(route.briefId)}` : ''}`;
  if (route.screen === 'conflicts') return '#/conflicts';
  if (route.screen === 'search') return `#/search${route.query ? `?${route.query}` : ''}`;
  const at = route.at ? `?at=${route.at.start}-${route.at.end}` : '';
  return `#/doc/${encodeURIComponent(route.documentId)}${route.annotationId ? `/a/${route.annotationId}` : ''}${at}`;
}

export function navigate(route: Route): void {
  flushAddress();
  window.location.hash = routeHash(route);
}

/** Chromium takes about 6 ms per history.replaceState: the address follows typing once it pauses. */
const ADDRESS_DELAY_MS = 300;
let pendingAddress: { hash: string; timer: ReturnType<typeof setTimeout> } | null = null;

function flushAddress(): void {
  if (!pendingAddress) return;
  clearTimeout(pendingAddress.timer);
  const { hash } = pendingAddress;
  pendingAddress = null;
  if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', hash);
}

/**
 * Keeps a screen's state (filters, words) in the address without adding history entries, so a
 * reload or Back brings it back. Written once typing pauses, and at once before `navigate` or
 * when the page is left.
 */
export function useAddress(hash: string): void {
  useEffect(() => {
    if (pendingAddress) clearTimeout(pendingAddress.timer);
    pendingAddress = null;
    if (window.location.hash === hash) return;
    pendingAddress = { hash, timer: setTimeout(flushAddress, ADDRESS_DELAY_MS) };
    window.addEventListener('pagehide', flushAddress);
    return () => {
      window.removeEventListener('pagehide', flushAddress);
      // Unmounted by a change of address: the pending state belongs to the page left.
      if (pendingAddress?.hash === hash) {
        clearTimeout(pendingAddress.timer);
        pendingAddress = null;
      }
    };
  }, [hash]);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
