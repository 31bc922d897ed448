// "Design | Access matrix" above the canvas area: which view the main area shows.

import type { ReactElement } from 'react';
import { useAppStore } from '../state/store';
import type { UiState } from '../state/types';

const VIEWS: { view: UiState['view']; label: string }[] = [
  { view: 'design', label: 'Design' },
  { view: 'matrix', label: 'Access matrix' },
];

export function ViewSwitch(): ReactElement {
  const current = useAppStore((state) => state.ui.view);
  const setUi = useAppStore((state) => state.setUi);
  return (
    <div className="view-switch" role="tablist" aria-label="View">
      {VIEWS.map(({ view, label }) => (
        <button
          key={view}
          type="button"
          role="tab"
          aria-selected={current === view}
          className={`view-switch__tab${current === view ? ' view-switch__tab--active' : ''}`}
          onClick={() => setUi({ view })}
          onKeyDown={(event) => {
            if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
            event.preventDefault();
            const next = VIEWS[(VIEWS.findIndex((entry) => entry.view === view) + 1) % VIEWS.length]!;
            setUi({ view: next.view });
            (
              event.currentTarget.parentElement?.querySelector(
                `[data-view="${next.view}"]`,
              ) as HTMLElement | null
            )?.focus();
          }}
          data-view={view}
          data-testid={`view-${view}`}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
