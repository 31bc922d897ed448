// The strip above the canvas: the palette (add nodes), auto-layout, fit, minimap, search.

import { useCallback, useState, type ReactElement } from 'react';
import { autoLayout } from '../../shared/model/auto-layout';
import { deriveGraph } from '../../shared/model/graph';
import type { ProviderKind } from '../../shared/model/types';
import { addEntityCommand, moveNodesCommand, toggleMinimapCommand } from '../state/commands';
import type { NewEntity } from '../state/edits/entities';
import { suggestPosition } from '../state/edits/placement';
import { useAppStore } from '../state/store';
import { toggleSimulatorCommand } from '../simulator/simulator-commands';
import { ensureVisible, fitView, measuredSize, viewportCentre } from './canvas-controller';
import { EntityIcon, ProviderIcon } from './icons';
import { SearchBox } from './SearchBox';

const PROVIDER_KINDS: { kind: ProviderKind; label: string }[] = [
  { kind: 'saml', label: 'SAML' },
  { kind: 'oidc', label: 'OIDC' },
  { kind: 'google', label: 'Google' },
  { kind: 'facebook', label: 'Facebook' },
  { kind: 'amazon', label: 'Amazon' },
  { kind: 'apple', label: 'Apple' },
  { kind: 'twitter', label: 'Twitter' },
  { kind: 'developer', label: 'Developer' },
];

/** The palette buttons of the kinds that need no choice before they are added. */
const ENTITY_TOOLS: { kind: Exclude<NewEntity['kind'], 'provider'>; label: string }[] = [
  { kind: 'userPool', label: 'User pool' },
  { kind: 'identityPool', label: 'Identity pool' },
  { kind: 'role', label: 'Role' },
  { kind: 'managedPolicy', label: 'Policy' },
];

/** Adds an entity in the column of its kind, next to the selection (or the centre of the view), on a spot no other node covers. */
export function addNodeAtCentre(entity: NewEntity): void {
  const centre = viewportCentre();
  const size = {
    width: 270,
    height: entity.kind === 'userPool' ? 160 : entity.kind === 'identityPool' ? 150 : 90,
  };
  const wanted = { x: Math.round(centre.x - size.width / 2), y: Math.round(centre.y - size.height / 2) };
  const { design, selection } = useAppStore.getState();
  const position = suggestPosition(design, entity.kind, size, wanted, selection.nodes.at(-1), measuredSize);
  useAppStore.getState().run(addEntityCommand, { entity, position });
  ensureVisible(position, size);
}

/** Lays out the whole design with elkjs as one undoable step, then fits the view. */
export async function runAutoLayout(): Promise<void> {
  const design = useAppStore.getState().design;
  const graph = deriveGraph(design);
  const nodes = graph.nodes.map((node) => ({ ...node, size: measuredSize(node.id) ?? node.size }));
  const positions = await autoLayout(nodes, graph.edges);
  if (useAppStore.getState().design !== design) return;
  useAppStore
    .getState()
    .run({ ...moveNodesCommand, id: 'canvas.autoLayout', label: 'Auto layout' }, positions);
  requestAnimationFrame(() => fitView());
}

export function Toolbar(): ReactElement {
  const [providerMenu, setProviderMenu] = useState(false);
  const minimap = useAppStore((state) => state.ui.minimap);
  const simulatorOpen = useAppStore((state) => state.ui.simulatorOpen);
  const addProvider = useCallback((kind: ProviderKind) => {
    setProviderMenu(false);
    addNodeAtCentre({ kind: 'provider', providerKind: kind });
  }, []);

  return (
    <div className="toolbar" role="toolbar" aria-label="Canvas tools">
      <div className="toolbar__group" aria-label="Add node">
        <span className="toolbar__label">Add</span>
        <div className="dropdown" onKeyDown={(event) => event.key === 'Escape' && setProviderMenu(false)}>
          <button
            type="button"
            className="tool"
            aria-haspopup="menu"
            aria-expanded={providerMenu}
            onClick={() => setProviderMenu((open) => !open)}
            data-testid="palette-provider"
          >
            <EntityIcon kind="provider" size={16} /> Provider ▾
          </button>
          {providerMenu ? (
            <div className="dropdown__menu" role="menu" onMouseLeave={() => setProviderMenu(false)}>
              {PROVIDER_KINDS.map(({ kind, label }) => (
                <button
                  type="button"
                  role="menuitem"
                  key={kind}
                  className="dropdown__item"
                  onClick={() => addProvider(kind)}
                  data-testid={`palette-provider-${kind}`}
                >
                  <ProviderIcon kind={kind} size={16} /> {label}
                </button>
              ))}
            </div>
          ) : null}
        </div>
        {ENTITY_TOOLS.map(({ kind, label }) => (
          <button
            type="button"
            key={kind}
            className="tool"
            onClick={() => addNodeAtCentre({ kind })}
            data-testid={`palette-${kind}`}
          >
            <EntityIcon kind={kind} size={16} /> {label}
          </button>
        ))}
      </div>
      <div className="toolbar__group">
        <button
          type="button"
          className="tool"
          onClick={() => void runAutoLayout()}
          title="Arrange the graph left to right (elkjs)"
        >
          Auto layout
        </button>
        <button type="button" className="tool" onClick={fitView} title="Fit the whole design in view">
          Fit
        </button>
        <button
          type="button"
          className={`tool${minimap ? ' tool--active' : ''}`}
          aria-pressed={minimap}
          onClick={() => useAppStore.getState().run(toggleMinimapCommand, undefined)}
        >
          Minimap
        </button>
        <button
          type="button"
          className={`tool${simulatorOpen ? ' tool--active' : ''}`}
          aria-pressed={simulatorOpen}
          title="Simulate an identity (Ctrl/Cmd+J)"
          onClick={() => useAppStore.getState().run(toggleSimulatorCommand, undefined)}
          data-testid="toolbar-simulator"
        >
          Simulator
        </button>
      </div>
      <SearchBox />
    </div>
  );
}
