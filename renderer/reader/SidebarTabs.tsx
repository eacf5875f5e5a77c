// The reader's sidebar holds two panels, highlights and suggestions; the tabs switch them
// (arrow keys move between tabs, as for any tab list).
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

export type SidebarTab = 'highlights' | 'suggestions';
const TABS: SidebarTab[] = ['highlights', 'suggestions'];

export function SidebarTabs(props: {
  tab: SidebarTab;
  onTab: (tab: SidebarTab) => void;
  /** A small count after each tab's name (open suggestions, highlights). */
  counts: Partial<Record<SidebarTab, ReactNode>>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const move = (step: number) => {
    const next = TABS[(TABS.indexOf(props.tab) + step + TABS.length) % TABS.length]!;
    props.onTab(next);
    document.getElementById(`sidebar-tab-${next}`)?.focus();
  };
  return (
    <div className="sidebar-pane">
      <div
        className="sidebar-tabs"
        role="tablist"
        aria-label={t('sidebarTabs')}
        onKeyDown={(e) => {
          if (e.key === 'ArrowRight') move(1);
          else if (e.key === 'ArrowLeft') move(-1);
        }}
      >
        {TABS.map((tab) => (
          <button
            key={tab}
            id={`sidebar-tab-${tab}`}
            role="tab"
            type="button"
            aria-selected={props.tab === tab}
            aria-controls={props.tab === tab ? 'sidebar-panel' : undefined}
            tabIndex={props.tab === tab ? 0 : -1}
            data-tab={tab}
            onClick={() => props.onTab(tab)}
          >
            {t(tab)}
            {props.counts[tab] !== undefined && <span className="count">{props.counts[tab]}</span>}
          </button>
        ))}
      </div>
      <div className="sidebar-panel" role="tabpanel" id="sidebar-panel" aria-labelledby={`sidebar-tab-${props.tab}`}>
        {props.children}
      </div>
    </div>
  );
}
