// Search: type part of a name or AWS id, pick a match, the canvas centres on it and selects it.

import { useMemo, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useAppStore } from '../state/store';
import type { GraphNodeKind } from '../../shared/model/graph';
import { centreOn } from './canvas-controller';
import { EntityIcon } from './icons';

interface Match {
  id: string;
  kind: GraphNodeKind;
  name: string;
  detail: string;
}

const MAX_MATCHES = 8;

/** Candidates of one kind: searched by name, by `detail` (an AWS id or path) and by design id. */
function matchesOf<T extends { id: string; name: string }>(
  kind: GraphNodeKind,
  entities: readonly T[],
  detail: (entity: T) => string,
): Match[] {
  return entities.map((entity) => ({ id: entity.id, kind, name: entity.name, detail: detail(entity) }));
}

export function SearchBox(): ReactElement {
  const design = useAppStore((state) => state.design);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);

  const matches = useMemo((): Match[] => {
    const needle = query.trim().toLowerCase();
    if (!needle) return [];
    const all: Match[] = [
      ...matchesOf('provider', design.providers, (entity) => entity.providerKey),
      ...matchesOf('userPool', design.userPools, (entity) => entity.poolId),
      ...matchesOf('identityPool', design.identityPools, (entity) => entity.poolId),
      ...matchesOf('role', design.roles, (entity) => entity.path),
      ...matchesOf('managedPolicy', design.managedPolicies, (entity) => entity.path),
    ];
    return all
      .filter((match) => `${match.name} ${match.detail} ${match.id}`.toLowerCase().includes(needle))
      .slice(0, MAX_MATCHES);
  }, [design, query]);

  function jump(match: Match | undefined): void {
    if (!match) return;
    useAppStore.getState().setSelection({ nodes: [match.id], edges: [] });
    centreOn(match.id);
    setOpen(false);
    setQuery('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((index) => Math.min(matches.length - 1, index + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(0, index - 1));
    } else if (event.key === 'Enter') {
      jump(matches[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }

  return (
    <div className="search" role="search">
      <input
        type="search"
        className="search__input"
        placeholder="Search nodes…"
        aria-label="Search nodes"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onFocus={() => setOpen(true)}
      />
      {open && matches.length > 0 ? (
        <ul className="search__results" role="listbox">
          {matches.map((match, index) => (
            <li key={match.id} role="option" aria-selected={index === active}>
              <button
                type="button"
                className={`search__result${index === active ? ' search__result--active' : ''}`}
                onMouseDown={() => jump(match)}
              >
                <EntityIcon kind={match.kind} size={14} />
                <span className="search__name">{match.name}</span>
                <span className="search__detail">{match.detail}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : open && query.trim() ? (
        <div className="search__results search__empty">No match</div>
      ) : null}
    </div>
  );
}
