// The drawing of the timeline: an axis of ticks, lanes of rows, entries as bars over their
// date ranges, today's line and a selected item's history chain. Only what is in view is in
// the DOM: lanes by the vertical scroll, entries by a binary search of each row for the
// window of days shown (shared/timeline/layout.ts), plus a margin either side. Panning moves
// one layer with a CSS transform (no React render, no layout) and re-renders only when the
// margin is used up; zooming re-renders once per animation frame. Alt+drag from an entry (or
// from the preview's handle, beginLink) onto another entry asks to link the two (onLink); a
// plain drag still pans.
import {
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type Ref,
} from 'react';
import { parseEntryKey, type TimelineEntry } from '../../shared/timeline/entries';
import {
  extent,
  firstWhere,
  fitView,
  overflowBuckets,
  timeOrder,
  entryAcross,
  visibleEntries,
  type LaneLayout,
  type PlacedEntry,
  type TimelineLayout,
} from '../../shared/timeline/layout';
import {
  clampScale,
  levelAt,
  LEVEL_SCALE,
  MAX_PX_PER_DAY,
  MIN_PX_PER_DAY,
  stepScale,
  ticks,
  type ZoomLevel,
} from '../../shared/timeline/scale';
import type { Language } from '../i18n/strings';
import { setDropOver, startLinkDrag, stopLinkDrag } from '../links/drag-link';

/** Geometry, in CSS pixels; styles.css (/* Timeline *\/) sizes the bars to match. */
export const ROW_HEIGHT = 26;
const LANE_PADDING = 6;
const STRIP_HEIGHT = 14;
export const LABEL_WIDTH = 184;
const MIN_BAR = 8;
const LABEL_MAX = 260;
const BUCKET_PX = 14;
/** The margin drawn beyond each side of the view, as a share of its width. */
const OVERSCAN = 0.5;
const VERTICAL_OVERSCAN = 240;

export interface View {
  /** The day at the left edge (fractional). */
  start: number;
  pxPerDay: number;
}

/**
 * A drawn view. Entries are placed relative to `anchor`, a day kept while only panning, so an
 * entry drawn before a pan keeps its props (and is not rendered again) after it.
 */
interface Frame extends View {
  anchor: number;
}

/** The anchor is moved when the layer would be translated further than this (browsers lose precision). */
const MAX_SHIFT = 1e6;

export interface CanvasHandle {
  zoom(direction: 1 | -1): void;
  fitAll(): void;
  /** Fits the selected entry and its history chain. */
  fitSelection(): void;
  today(): void;
  /** Scrolls an entry into view (centring it when it is out of view). */
  reveal(key: string, centre?: boolean): void;
  /** The day in the middle of the view. */
  centre(): number | undefined;
  /** The days in view: the first (fractional) and the one past the last. */
  visible(): { start: number; end: number } | undefined;
  /** Starts dragging a link from this entry (a pointer-down on the preview's handle). */
  beginLink(key: string, start: { clientX: number; clientY: number }): void;
}

export interface CanvasProps {
  layout: TimelineLayout;
  activeKey: string | null;
  previewKey: string | null;
  chain: readonly TimelineEntry[];
  today: number;
  language: Language;
  label: string;
  laneLabel: (lane: LaneLayout) => string;
  entryLabel: (entry: TimelineEntry) => string;
  entryDate: (entry: TimelineEntry) => string;
  entryClass: (entry: TimelineEntry) => string;
  moreLabel: (count: number) => string;
  todayLabel: string;
  initialView: View | null;
  /** An entry to centre on when the canvas first has a size (the address's focus). */
  focusKey: string | null;
  onActivate: (key: string | null) => void;
  onOpen: (key: string) => void;
  onView: (view: View, level: ZoomLevel) => void;
  /** An entry was dragged onto another: link them (the picker asks how). Without it, Alt+drag pans. */
  onLink?: (from: string, to: string) => void;
  /** How an entry says it can be Alt+dragged onto another. */
  linkHint?: string;
  handle?: Ref<CanvasHandle>;
}

const laneHeight = (lane: LaneLayout) =>
  2 * LANE_PADDING + Math.max(1, lane.rows.length) * ROW_HEIGHT + (lane.overflow.length > 0 ? STRIP_HEIGHT : 0);
const rowTop = (row: number, lane: LaneLayout) =>
  LANE_PADDING + (row >= 0 ? row * ROW_HEIGHT : Math.max(1, lane.rows.length) * ROW_HEIGHT);

/** The entry's element id, for aria and tests. */
export const entryElementId = (key: string) => `tl-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;

export const TimelineCanvas = memo(function TimelineCanvas(props: CanvasProps) {
  const { layout, activeKey, previewKey, chain, today, language, onActivate, onOpen, onView, onLink } = props;
  const bodyRef = useRef<HTMLDivElement>(null);
  const layerRef = useRef<HTMLDivElement>(null);
  const axisLayerRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [scrollTop, setScrollTop] = useState(0);
  /** The view as it is now (moved by drags and keys between renders). */
  const view = useRef<View | null>(props.initialView);
  /** The view the entries were last drawn for; the layer is translated by the difference. */
  const [frame, setFrame] = useState<Frame | null>(null);
  const frameRef = useRef<Frame | null>(null);
  const raf = useRef(0);
  const sizeRef = useRef(size);
  /** An entry to focus once it is drawn (moved to by the keyboard). */
  const focusNext = useRef<string | null>(null);
  const dragged = useRef(false);
  /** The label of the major unit at the view's left edge, kept in view while panning. */
  const contextRef = useRef<HTMLSpanElement>(null);
  const majors = useRef<{ day: number; label: string }[]>([]);
  /** A link being dragged: from which entry, over which (null: none). */
  const [linking, setLinking] = useState<{ from: string; over: string | null } | null>(null);
  /** Its line, from where the drag started to the pointer (viewport pixels), drawn without a render. */
  const linkLine = useRef<SVGSVGElement>(null);
  const linkPoints = useRef({ x1: 0, y1: 0, x2: 0, y2: 0 });

  const order = useMemo(() => timeOrder(layout), [layout]);
  const indexOf = useMemo(() => new Map(order.map((e, i) => [e.key, i])), [order]);
  const geometry = useMemo(() => {
    const tops: number[] = [];
    let y = 0;
    for (const lane of layout.lanes) {
      tops.push(y);
      y += laneHeight(lane);
    }
    return { tops, total: y };
  }, [layout]);

  // ————— What is drawn —————
  const width = size.width;
  const drawn = frame;
  const px = drawn?.pxPerDay ?? 1;
  const origin = drawn?.start ?? 0;
  const anchor = drawn?.anchor ?? 0;
  const margin = (width * OVERSCAN) / px;
  const from = origin - margin;
  const to = origin + width / px + margin;
  const x = (day: number) => (day - anchor) * px;
  /** The view's left edge as drawn. */
  const viewLeft = x(origin);

  const axis = useMemo(
    () => (drawn ? ticks(from, to, px, language) : null),
    // from/to follow from the frame and width
    [drawn, from, to, px, language],
  );

  // Track size: the body's width less the lane labels, and its height.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const measure = () => {
      const next = { width: Math.max(1, body.clientWidth - LABEL_WIDTH), height: body.clientHeight };
      sizeRef.current = next;
      setSize((s) => (s.width === next.width && s.height === next.height ? s : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(body);
    return () => observer.disconnect();
  }, []);

  const commit = useCallback(() => {
    raf.current = 0;
    const now = view.current;
    if (!now) return;
    setFrame((previous) => {
      const keep =
        previous !== null &&
        previous.pxPerDay === now.pxPerDay &&
        Math.abs(now.start - previous.anchor) * now.pxPerDay < MAX_SHIFT;
      return { ...now, anchor: keep ? previous.anchor : now.start };
    });
  }, []);
  const schedule = useCallback(() => {
    if (!raf.current) raf.current = requestAnimationFrame(commit);
  }, [commit]);
  useEffect(() => () => cancelAnimationFrame(raf.current), []);

  /** Moves the drawn layer to the current view without a render; re-renders when the margin runs out. */
  const translate = useCallback(() => {
    const drawn = frameRef.current;
    const now = view.current;
    if (!drawn || !now) return;
    if (drawn.pxPerDay !== now.pxPerDay) return schedule();
    const dx = (drawn.anchor - now.start) * now.pxPerDay;
    const transform = `translate3d(${dx}px, 0, 0)`;
    const list = majors.current;
    const at = firstWhere(list.length, (i) => list[i]!.day > now.start) - 1;
    if (contextRef.current) contextRef.current.textContent = at >= 0 ? list[at]!.label : '';
    if (layerRef.current) layerRef.current.style.transform = transform;
    if (axisLayerRef.current) axisLayerRef.current.style.transform = transform;
    const moved = (drawn.start - now.start) * now.pxPerDay;
    if (Math.abs(moved) > sizeRef.current.width * OVERSCAN * 0.6 || Math.abs(dx) > MAX_SHIFT) schedule();
  }, [schedule]);

  const setView = useCallback(
    (next: View, now = false) => {
      view.current = { start: next.start, pxPerDay: clampScale(next.pxPerDay) };
      if (now) {
        cancelAnimationFrame(raf.current);
        commit();
      } else translate();
    },
    [commit, translate],
  );

  // After each render, the layer sits where the current view wants it, and the view is reported.
  useLayoutEffect(() => {
    frameRef.current = frame;
    majors.current = axis?.major ?? [];
    translate();
    if (frame) onView(frame, levelAt(frame.pxPerDay));
  }, [frame, axis, translate, onView]);

  const fitAll = useCallback(() => {
    const range = extent(order);
    const w = sizeRef.current.width;
    if (!range) return setView({ start: today - w / 2 / LEVEL_SCALE.years, pxPerDay: LEVEL_SCALE.years }, true);
    setView(fitView(range, w, { minPxPerDay: MIN_PX_PER_DAY, maxPxPerDay: LEVEL_SCALE.weeks }), true);
  }, [order, today, setView]);

  const revealEntry = useCallback(
    (key: string, centre = false) => {
      const at = layout.placed.get(key);
      const current = view.current;
      if (!at || !current) return;
      const w = sizeRef.current.width;
      const entry = at.placed.entry;
      const left = (entry.start - current.start) * current.pxPerDay;
      const right = left + Math.max(MIN_BAR, Math.min((entry.end - entry.start) * current.pxPerDay, w / 2));
      if (centre || left < 24 || right > w - 24) {
        const mid = entry.start + Math.min(entry.end - entry.start, w / 2 / current.pxPerDay) / 2;
        setView({ start: mid - w / 2 / current.pxPerDay, pxPerDay: current.pxPerDay }, true);
      }
      const body = bodyRef.current;
      if (body) {
        const lane = layout.lanes[at.lane]!;
        const top = geometry.tops[at.lane]! + rowTop(at.placed.row, lane);
        if (top < body.scrollTop + 4) body.scrollTop = Math.max(0, top - LANE_PADDING - 4);
        else if (top + ROW_HEIGHT > body.scrollTop + body.clientHeight - 4)
          body.scrollTop = top + ROW_HEIGHT - body.clientHeight + LANE_PADDING + 4;
      }
    },
    [layout, geometry, setView],
  );

  // First size: the view the analyst left, the entry the address asks for, or everything.
  const started = useRef(false);
  useLayoutEffect(() => {
    if (started.current || width <= 1) return;
    started.current = true;
    const focus = props.focusKey ? layout.placed.get(props.focusKey) : undefined;
    if (focus) {
      const entry = focus.placed.entry;
      const days = Math.max(1, entry.end - entry.start);
      const pxPerDay = clampScale(Math.min(LEVEL_SCALE.days, width / 3 / days));
      view.current = { start: entry.start + days / 2 - width / 2 / pxPerDay, pxPerDay };
      commit();
      revealEntry(entry.key);
    } else if (view.current) commit();
    else fitAll();
  }, [width, layout, props.focusKey, commit, fitAll, revealEntry]);

  const zoomAt = useCallback(
    (pxPerDay: number, anchorX: number) => {
      const current = view.current;
      if (!current) return;
      const next = clampScale(pxPerDay);
      const anchorDay = current.start + anchorX / current.pxPerDay;
      view.current = { start: anchorDay - anchorX / next, pxPerDay: next };
      schedule();
    },
    [schedule],
  );

  /** Where to zoom around: the selected entry when it is in view, else the middle. */
  const zoomAnchor = useCallback(() => {
    const current = view.current;
    const w = sizeRef.current.width;
    const at = activeKey ? layout.placed.get(activeKey) : undefined;
    if (current && at) {
      const x = (at.placed.entry.start - current.start) * current.pxPerDay;
      if (x >= 0 && x <= w) return x;
    }
    return w / 2;
  }, [activeKey, layout]);

  const zoom = useCallback(
    (direction: 1 | -1) => {
      const current = view.current;
      if (current) zoomAt(stepScale(current.pxPerDay, direction), zoomAnchor());
    },
    [zoomAt, zoomAnchor],
  );

  const pan = useCallback(
    (dx: number) => {
      const current = view.current;
      if (current) setView({ start: current.start - dx / current.pxPerDay, pxPerDay: current.pxPerDay });
    },
    [setView],
  );

  const fitSelection = useCallback(() => {
    const selected = [
      ...chain,
      ...(activeKey && layout.placed.get(activeKey) ? [layout.placed.get(activeKey)!.placed.entry] : []),
    ];
    const range = extent(selected);
    if (!range) return fitAll();
    const days = Math.max(range.end - range.start, 14);
    const centre = (range.start + range.end) / 2;
    setView(
      fitView({ start: centre - days / 2, end: centre + days / 2 }, sizeRef.current.width, {
        padding: 0.15,
        minPxPerDay: MIN_PX_PER_DAY,
        maxPxPerDay: MAX_PX_PER_DAY,
      }),
      true,
    );
  }, [chain, activeKey, layout, fitAll, setView]);

  const goToday = useCallback(() => {
    const current = view.current;
    if (current)
      setView({ start: today - sizeRef.current.width / 2 / current.pxPerDay, pxPerDay: current.pxPerDay }, true);
  }, [today, setView]);

  const centre = useCallback(() => {
    const current = view.current;
    return current ? current.start + sizeRef.current.width / 2 / current.pxPerDay : undefined;
  }, []);
  const visible = useCallback(() => {
    const current = view.current;
    return current
      ? { start: current.start, end: current.start + sizeRef.current.width / current.pxPerDay }
      : undefined;
  }, []);

  const drawLinkLine = useCallback(() => {
    const svg = linkLine.current;
    if (!svg) return;
    const { x1, y1, x2, y2 } = linkPoints.current;
    const line = svg.querySelector('line');
    const dot = svg.querySelector('circle');
    line?.setAttribute('x1', String(x1));
    line?.setAttribute('y1', String(y1));
    line?.setAttribute('x2', String(x2));
    line?.setAttribute('y2', String(y2));
    dot?.setAttribute('cx', String(x2));
    dot?.setAttribute('cy', String(y2));
  }, []);
  useLayoutEffect(() => {
    if (linking) drawLinkLine();
  }, [linking, drawLinkLine]);

  // Dragging a link: it starts after a few pixels (a click stays a click), follows the pointer
  // with a line, outlines the entry under it, and on release over another entry asks to link
  // them. Escape, or a release anywhere else, does nothing.
  const beginLink = useCallback(
    (from: string, start: { clientX: number; clientY: number }) => {
      const source = layout.placed.get(from)?.placed.entry;
      const end = parseEntryKey(from);
      if (!onLink || !source || !end) return;
      const titleOf = (key: string) => layout.placed.get(key)?.placed.entry.title ?? '';
      let started = false;
      let over: string | null = null;
      const move = (e: PointerEvent) => {
        if (!started) {
          if (Math.hypot(e.clientX - start.clientX, e.clientY - start.clientY) < 4) return;
          started = true;
          dragged.current = true; // the click that ends it is not an entry's click
          bodyRef.current?.classList.add('linking');
          startLinkDrag({ end, also: [], label: source.title });
          setLinking({ from, over: null });
        }
        linkPoints.current = { x1: start.clientX, y1: start.clientY, x2: e.clientX, y2: e.clientY };
        drawLinkLine();
        const hit = document.elementFromPoint(e.clientX, e.clientY)?.closest<HTMLElement>('.timeline-body .tl-entry');
        const key = hit?.dataset.key ?? null;
        if (key === over) return;
        over = key;
        setLinking({ from, over });
        setDropOver(key ? { label: titleOf(key), refused: key === from } : null);
      };
      const finish = (drop: boolean) => {
        window.removeEventListener('pointermove', move);
        window.removeEventListener('pointerup', up);
        window.removeEventListener('pointercancel', cancel);
        window.removeEventListener('keydown', escape, true);
        if (!started) return;
        bodyRef.current?.classList.remove('linking');
        stopLinkDrag();
        setLinking(null);
        if (drop && over && over !== from) onLink(from, over);
      };
      const up = () => finish(true);
      const cancel = () => finish(false);
      const escape = (e: KeyboardEvent) => {
        if (e.key !== 'Escape' || !started) return;
        e.preventDefault();
        e.stopPropagation();
        finish(false);
      };
      window.addEventListener('pointermove', move);
      window.addEventListener('pointerup', up);
      window.addEventListener('pointercancel', cancel);
      window.addEventListener('keydown', escape, true);
    },
    [layout, onLink, drawLinkLine],
  );

  useImperativeHandle(
    props.handle,
    () => ({ zoom, fitAll, fitSelection, today: goToday, reveal: revealEntry, centre, visible, beginLink }),
    [centre, visible, zoom, fitAll, fitSelection, goToday, revealEntry, beginLink],
  );

  // Ctrl/⌘+wheel (and pinch) zooms around the pointer; a sideways wheel, or Shift+wheel, pans.
  useEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const onWheel = (event: WheelEvent) => {
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        const x = event.clientX - body.getBoundingClientRect().left - LABEL_WIDTH;
        const current = view.current;
        if (current) zoomAt(current.pxPerDay * Math.exp(-event.deltaY * 0.002), Math.max(0, x));
      } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        event.preventDefault();
        pan(-(event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX));
      }
    };
    body.addEventListener('wheel', onWheel, { passive: false });
    return () => body.removeEventListener('wheel', onWheel);
  }, [zoomAt, pan]);

  // Dragging the track pans; a drag that moved is not a click on the entry it started on.
  const onPointerDown = (event: React.PointerEvent) => {
    if (event.button !== 0 || !view.current) return;
    // Alt+drag on an entry draws a link instead.
    const linkFrom = event.altKey && onLink && (event.target as Element).closest<HTMLElement>('.tl-entry')?.dataset.key;
    if (linkFrom) {
      dragged.current = false;
      return beginLink(linkFrom, event);
    }
    const startX = event.clientX;
    let lastX = startX;
    dragged.current = false;
    const move = (e: PointerEvent) => {
      if (!dragged.current && Math.abs(e.clientX - startX) < 4) return;
      if (!dragged.current) bodyRef.current?.classList.add('dragging');
      dragged.current = true;
      pan(e.clientX - lastX);
      lastX = e.clientX;
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', up);
      bodyRef.current?.classList.remove('dragging');
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
  };

  const moveTo = useCallback(
    (entry: TimelineEntry | null | undefined) => {
      if (!entry) return;
      focusNext.current = entry.key;
      onActivate(entry.key);
      revealEntry(entry.key);
    },
    [onActivate, revealEntry],
  );

  /** The first entry in view, for arrows pressed before any entry is selected. */
  const firstInView = () => {
    const current = view.current;
    if (!current) return order[0];
    return order.find((e) => e.end > current.start) ?? order[order.length - 1];
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('input, select, textarea')) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const w = sizeRef.current.width;
    const index = activeKey ? indexOf.get(activeKey) : undefined;
    const handled = () => event.preventDefault();
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowLeft': {
        handled();
        const step = event.key === 'ArrowRight' ? 1 : -1;
        if (event.shiftKey) return pan(-step * w * 0.25);
        if (index === undefined) return moveTo(firstInView());
        return moveTo(order[Math.max(0, Math.min(order.length - 1, index + step))]);
      }
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!activeKey || index === undefined) {
          if (order.length === 0) return;
          handled();
          return moveTo(firstInView());
        }
        const across = entryAcross(layout, activeKey, event.key === 'ArrowDown' ? 1 : -1);
        if (across) {
          handled();
          moveTo(across);
        }
        return;
      }
      case 'Home':
        handled();
        return moveTo(order[0]);
      case 'End':
        handled();
        return moveTo(order[order.length - 1]);
      case 'PageDown':
      case 'PageUp':
        handled();
        return pan((event.key === 'PageDown' ? -1 : 1) * w * 0.8);
      case '+':
      case '=':
        handled();
        return zoom(1);
      case '-':
      case '_':
        handled();
        return zoom(-1);
      case '0':
        handled();
        return fitAll();
      case 'f':
      case 'F':
        handled();
        return fitSelection();
      case 't':
      case 'T':
        handled();
        return goToday();
      case 'Enter':
      case ' ':
        if (activeKey) {
          handled();
          onOpen(activeKey);
        }
        return;
    }
  };

  // Keyboard moves focus the entry once it is drawn.
  useLayoutEffect(() => {
    const key = focusNext.current;
    if (!key) return;
    const button = bodyRef.current?.querySelector<HTMLElement>(`#${entryElementId(key)} > button`);
    if (button) {
      focusNext.current = null;
      button.focus({ preventScroll: true });
    }
  });

  const onScroll = () => {
    const body = bodyRef.current;
    if (body) setScrollTop(body.scrollTop);
  };

  const n = layout.lanes.length;
  const firstLane = firstWhere(
    n,
    (i) => geometry.tops[i]! + laneHeight(layout.lanes[i]!) > scrollTop - VERTICAL_OVERSCAN,
  );
  const lastLane = firstWhere(n, (i) => geometry.tops[i]! >= scrollTop + size.height + VERTICAL_OVERSCAN);
  const activeAt = activeKey ? layout.placed.get(activeKey) : undefined;

  // The chain joins the entries at their last day (an item's due day).
  const chainPoints = chain.flatMap((entry) => {
    const at = layout.placed.get(entry.key);
    if (!at) return [];
    const lane = layout.lanes[at.lane]!;
    const inset = Math.min(4, ((entry.end - entry.start) * px) / 2);
    const y = geometry.tops[at.lane]! + rowTop(at.placed.row, lane) + ROW_HEIGHT / 2 - 1;
    return [{ key: entry.key, x: x(Math.min(entry.end, to)) - inset, y }];
  });

  const activeRendered = activeAt !== undefined && activeAt.lane >= firstLane && activeAt.lane < lastLane;

  return (
    <div className="timeline-canvas">
      <div className="timeline-axis-row" aria-hidden>
        <div className="timeline-corner" style={{ width: LABEL_WIDTH }} />
        <div className="timeline-axis">
          <div className="timeline-axis-layer" ref={axisLayerRef}>
            {axis?.major.map((tick) => (
              <span key={`M${tick.day}`} className="tick major" style={{ left: x(tick.day) }}>
                {tick.label}
              </span>
            ))}
            {axis?.minor.map((tick) => (
              <span key={`m${tick.day}`} className="tick minor" style={{ left: x(tick.day) }}>
                {tick.label}
              </span>
            ))}
            <span className="tick today-tick" style={{ left: x(today) }}>
              {props.todayLabel}
            </span>
          </div>
          <span className="axis-context" ref={contextRef} />
        </div>
      </div>
      <div
        ref={bodyRef}
        className="timeline-body"
        tabIndex={activeRendered ? -1 : 0}
        role="group"
        aria-label={props.label}
        aria-describedby="timeline-keys"
        onKeyDown={onKeyDown}
        onScroll={onScroll}
        onPointerDown={onPointerDown}
        onClickCapture={(e) => {
          if (dragged.current) {
            e.stopPropagation();
            e.preventDefault();
            dragged.current = false;
          }
        }}
      >
        <div className="timeline-content" style={{ height: Math.max(geometry.total, 1) }}>
          <div className="timeline-lane-labels" style={{ width: LABEL_WIDTH }}>
            {layout.lanes.slice(firstLane, lastLane).map((lane, k) => {
              const i = firstLane + k;
              return (
                <div
                  key={lane.key}
                  className={`timeline-lane-label lane-${lane.type}`}
                  style={{ top: geometry.tops[i], height: laneHeight(lane) }}
                  title={props.laneLabel(lane)}
                >
                  <span className="name" lang="zh">
                    {props.laneLabel(lane)}
                  </span>
                  <span className="count">{lane.count.toLocaleString()}</span>
                </div>
              );
            })}
          </div>
          <div className="timeline-track" style={{ left: LABEL_WIDTH }}>
            {layout.lanes.slice(firstLane, lastLane).map((lane, k) => (
              <div
                key={lane.key}
                className={`timeline-lane-bg${(firstLane + k) % 2 ? ' odd' : ''}`}
                style={{ top: geometry.tops[firstLane + k], height: laneHeight(lane) }}
              />
            ))}
            {drawn && (
              <div className="timeline-layer" ref={layerRef}>
                {axis?.major.map((tick) => (
                  <div key={tick.day} className="timeline-gridline" style={{ left: x(tick.day) }} />
                ))}
                <div
                  className="timeline-today"
                  style={{ left: x(today), width: Math.max(2, px) }}
                  title={props.todayLabel}
                />
                {chainPoints.length > 1 && (
                  <svg className="timeline-chain" aria-hidden width="1" height="1">
                    <polyline points={chainPoints.map((p) => `${p.x},${p.y}`).join(' ')} />
                  </svg>
                )}
                {layout.lanes.slice(firstLane, lastLane).map((lane, k) => {
                  const i = firstLane + k;
                  const shown = visibleEntries(lane, from, to);
                  if (activeAt && activeAt.lane === i && !shown.some((p) => p.entry.key === activeKey)) {
                    shown.push(activeAt.placed);
                  }
                  const buckets =
                    lane.overflow.length > 0 ? overflowBuckets(lane, from, to, Math.max(1, BUCKET_PX / px)) : [];
                  return (
                    <ul
                      key={lane.key}
                      className={`timeline-lane lane-${lane.type}`}
                      style={{ top: geometry.tops[i], height: laneHeight(lane) }}
                      aria-label={`${props.laneLabel(lane)} (${lane.count.toLocaleString()})`}
                    >
                      {shown.map((placed) => (
                        <Entry
                          key={placed.entry.key}
                          placed={placed}
                          lane={lane}
                          left={x(Math.max(placed.entry.start, from))}
                          px={px}
                          drawStart={Math.max(placed.entry.start, from)}
                          drawEnd={Math.min(placed.entry.end, to)}
                          stick={Math.max(0, viewLeft - x(Math.max(placed.entry.start, from)))}
                          active={placed.entry.key === activeKey}
                          previewed={placed.entry.key === previewKey}
                          className={props.entryClass(placed.entry)}
                          label={props.entryLabel(placed.entry)}
                          date={props.entryDate(placed.entry)}
                          link={
                            linking === null
                              ? undefined
                              : placed.entry.key === linking.from
                                ? linking.over === linking.from
                                  ? 'refused'
                                  : 'source'
                                : placed.entry.key === linking.over
                                  ? 'target'
                                  : undefined
                          }
                          linkHint={onLink ? props.linkHint : undefined}
                          onClick={onOpen}
                          onFocus={onActivate}
                        />
                      ))}
                      {buckets.length > 0 && (
                        <li className="timeline-more" style={{ top: rowTop(-1, lane) }} aria-hidden>
                          {buckets.map((b) => (
                            <span
                              key={b.start}
                              className="bucket"
                              style={{
                                left: x(b.start),
                                width: Math.max(3, BUCKET_PX - 2),
                                opacity: Math.min(1, 0.35 + b.count / 12),
                              }}
                              title={props.moreLabel(b.count)}
                              onClick={() =>
                                zoomAt(stepScale(px, 1), x(b.start) + BUCKET_PX / 2 - x(view.current?.start ?? origin))
                              }
                            />
                          ))}
                        </li>
                      )}
                    </ul>
                  );
                })}
                {chainPoints.length > 1 && (
                  <svg className="timeline-chain dots" aria-hidden width="1" height="1">
                    {chainPoints.map((p) => (
                      <circle key={p.key} cx={p.x} cy={p.y} r={4} />
                    ))}
                  </svg>
                )}
              </div>
            )}
          </div>
        </div>
      </div>
      {linking && (
        <svg className="timeline-link-line" ref={linkLine} aria-hidden>
          <line />
          <circle r={5} />
        </svg>
      )}
    </div>
  );
});

interface EntryProps {
  placed: PlacedEntry;
  lane: LaneLayout;
  left: number;
  px: number;
  /** The days drawn: the entry's, cut to the window drawn. */
  drawStart: number;
  drawEnd: number;
  /** How far the view's left edge is into the entry (its label moves there). */
  stick: number;
  active: boolean;
  previewed: boolean;
  className: string;
  label: string;
  date: string;
  /** While a link is dragged: the entry it is dragged from, the one it would link to, or itself (refused). */
  link?: 'source' | 'target' | 'refused';
  linkHint?: string;
  onClick: (key: string) => void;
  onFocus: (key: string) => void;
}

const Entry = memo(function Entry(props: EntryProps) {
  const { placed, lane, px, active } = props;
  const { entry } = placed;
  const start = props.drawStart;
  const bar = Math.max(MIN_BAR, (props.drawEnd - start) * px);
  const room = Number.isFinite(placed.room) ? (entry.start + placed.room - start) * px - 3 : LABEL_MAX;
  const width = Math.max(bar, Math.min(LABEL_MAX, room));
  const point = (entry.end - entry.start) * px < MIN_BAR;
  const inside = !point && bar >= 48;
  // A range reaching in from the left keeps its label at the view's left edge, within the bar.
  const labelLeft = inside ? Math.max(6, Math.min(props.stick + 6, bar - 40)) : bar + 4;
  return (
    <li
      id={entryElementId(entry.key)}
      className={`tl-entry ${props.className}${point ? ' point' : ''}${active ? ' active' : ''}${props.previewed ? ' previewed' : ''}${placed.row < 0 ? ' overflowed' : ''}${props.link ? ` link-${props.link}` : ''}`}
      style={{ left: props.left, top: rowTop(placed.row, lane), width }}
      data-key={entry.key}
    >
      <button
        type="button"
        tabIndex={active ? 0 : -1}
        aria-label={props.label}
        aria-current={active ? 'true' : undefined}
        aria-expanded={props.previewed}
        aria-description={props.linkHint}
        onClick={() => props.onClick(entry.key)}
        onFocus={() => props.onFocus(entry.key)}
      >
        <span className="tl-bar" style={{ width: bar }} aria-hidden />
        <span className="tl-label" style={{ left: labelLeft }} aria-hidden>
          <span className="tl-date">{props.date}</span>
          <span lang="zh">{entry.title}</span>
        </span>
      </button>
    </li>
  );
});
