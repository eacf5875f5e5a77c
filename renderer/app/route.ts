import { useEffect, useState } from 'react';

/** Screens are addressed by the URL hash, so a reload reopens the same document. */
export type Route =
  | { screen: 'library' }
  | { screen: 'reader'; documentId: string; annotationId?: string }
  /** The items of the whole library; `query` holds its filters and sort (renderer/items/items-query.ts). */
  | { screen: 'items'; query?: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/doc\/([^/?]+)(?:\/a\/([^/?]+))?/.exec(hash);
  if (match) return { screen: 'reader', documentId: decodeURIComponent(match[1]!), annotationId: match[2] };
  const items = /^#\/items\/?(?:\?(.*))?$/.exec(hash);
  if (items) return items[1] ? { screen: 'items', query: items[1] } : { screen: 'items' };
  return { screen: 'library' };
}

export function routeHash(route: Route): string {
  if (route.screen === 'library') return '#/';
  if (route.screen === 'items') return `#/items${route.query ? `?${route.query}` : ''}`;
  return `#/doc/${encodeURIComponent(route.documentId)}${route.annotationId ? `/a/${route.annotationId}` : ''}`;
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
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
