// A fixed-row-height virtualiser: of a long list, only the rows in (and just around) the
// scroll container's viewport are rendered. Row i sits at headerHeight + i × rowHeight inside
// the container; the container holds a sticky header of `headerHeight` above the rows.
import { useCallback, useRef, useState } from 'react';

interface Viewport {
  /** The first row at the top of the viewport. */
  start: number;
  /** The viewport's height in pixels. */
  height: number;
}

export interface VirtualRows {
  /** Attach to the scroll container. */
  ref: (element: HTMLDivElement | null) => () => void;
  /** Rows [first, last) to render. */
  first: number;
  last: number;
  /** Rows that fit in the viewport (for Page Up / Page Down). */
  pageSize: number;
  /** Scrolls the least needed to show row `index` entirely. */
  scrollToIndex(index: number): void;
}

export function useVirtualRows(
  count: number,
  {
    rowHeight,
    headerHeight,
    overscan = 6,
    initialScrollTop = 0,
  }: {
    rowHeight: number;
    headerHeight: number;
    overscan?: number;
    initialScrollTop?: number;
  },
): VirtualRows {
  const element = useRef<HTMLDivElement | null>(null);
  const initial = useRef(initialScrollTop);
  // Until the container is measured, assume a tall window: the first paint is never empty.
  const [viewport, setViewport] = useState<Viewport>({ start: 0, height: 1600 });

  const ref = useCallback(
    (el: HTMLDivElement | null) => {
      element.current = el;
      if (!el) return () => {};
      // Restored once, when the container first appears.
      if (initial.current > 0) el.scrollTop = initial.current;
      initial.current = 0;
      // Re-render only when the first visible row or the height changes, not on every scroll pixel.
      const measure = () => {
        const start = Math.max(0, Math.floor(el.scrollTop / rowHeight));
        const height = el.clientHeight;
        setViewport((v) => (v.start === start && v.height === height ? v : { start, height }));
      };
      const observer = new ResizeObserver(measure);
      observer.observe(el);
      el.addEventListener('scroll', measure, { passive: true });
      return () => {
        observer.disconnect();
        el.removeEventListener('scroll', measure);
        element.current = null;
      };
    },
    [rowHeight],
  );

  const visible = Math.ceil(viewport.height / rowHeight) + 1;
  const first = Math.max(0, viewport.start - overscan);
  const last = Math.min(count, viewport.start + visible + overscan);

  const scrollToIndex = useCallback(
    (index: number) => {
      const el = element.current;
      if (!el) return;
      const top = index * rowHeight; // scrollTop at which the row sits just under the header
      const bottom = headerHeight + (index + 1) * rowHeight - el.clientHeight;
      if (el.scrollTop > top) el.scrollTop = top;
      else if (el.scrollTop < bottom) el.scrollTop = bottom;
    },
    [rowHeight, headerHeight],
  );

  return {
    ref,
    first,
    last,
    pageSize: Math.max(1, Math.floor((viewport.height - headerHeight) / rowHeight)),
    scrollToIndex,
  };
}
