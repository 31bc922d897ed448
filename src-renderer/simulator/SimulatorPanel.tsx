// The simulator, docked under the canvas: who signs in (a persona or an identity built here), the
// answer (credentials or the AWS error), what they may do, and the trace. Resizable with the splitter
// above it (mouse or arrow keys); View ▸ Simulator (Ctrl/Cmd+J) toggles it.

import { useEffect, useRef, type KeyboardEvent, type PointerEvent, type ReactElement } from 'react';
import '../styles/simulator.css';
import { fitView } from '../canvas/canvas-controller';
import { useAppStore } from '../state/store';
import { IdentityForm } from './IdentityForm';
import { PersonaBar } from './PersonaBar';
import { RequestRows } from './RequestRows';
import { ResultCard, TraceList } from './ResultView';
import { toggleSimulatorCommand } from './simulator-commands';
import { MIN_HEIGHT, useSimulator } from './simulator-store';
import { useSimulationView } from './use-simulation';

const KEYBOARD_STEP = 24;

function Splitter(): ReactElement {
  const height = useSimulator((state) => state.height);
  const setHeight = useSimulator((state) => state.setHeight);
  const drag = useRef<{ startY: number; startHeight: number } | null>(null);
  const maximum = (): number => Math.max(MIN_HEIGHT, window.innerHeight - 220);
  const clamp = (value: number): number => Math.min(maximum(), Math.max(MIN_HEIGHT, value));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    drag.current = { startY: event.clientY, startHeight: height };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    if (!drag.current) return;
    setHeight(clamp(drag.current.startHeight + drag.current.startY - event.clientY));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const change: Record<string, number> = {
      ArrowUp: KEYBOARD_STEP,
      ArrowDown: -KEYBOARD_STEP,
      PageUp: KEYBOARD_STEP * 5,
      PageDown: -KEYBOARD_STEP * 5,
    };
    if (event.key === 'Home') setHeight(maximum());
    else if (event.key === 'End') setHeight(MIN_HEIGHT);
    else if (change[event.key] !== undefined) setHeight(clamp(height + (change[event.key] as number)));
    else return;
    event.preventDefault();
  };
  return (
    <div
      className="sim-splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the simulator"
      aria-valuenow={height}
      aria-valuemin={MIN_HEIGHT}
      tabIndex={0}
      data-testid="sim-splitter"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = null)}
      onKeyDown={onKeyDown}
    />
  );
}

function SimulatorBody(): ReactElement {
  const design = useAppStore((state) => state.design);
  const form = useSimulator((state) => state.form);
  const { view, pending } = useSimulationView(true);

  useEffect(() => {
    const simulator = useSimulator.getState();
    const poolKnown = design.identityPools.some((pool) => pool.id === simulator.form?.identityPoolId);
    if (!simulator.form || (!poolKnown && design.identityPools.length > 0)) simulator.resetForm(design);
  }, [design]);

  if (!form) return <div className="sim-body" />;
  const result = view?.result;
  return (
    <div className="sim-body">
      <div className="sim-column sim-column--identity">
        <IdentityForm form={form} />
      </div>
      <div className="sim-column sim-column--result" aria-live="polite" aria-busy={pending}>
        {view?.formError ? (
          <div className="sim-message sim-message--error" role="alert" data-testid="sim-form-error">
            {view.formError}
          </div>
        ) : null}
        {result && view ? (
          <>
            <ResultCard result={result} />
            <RequestRows design={view.design} result={result} outcomes={view.requests} />
          </>
        ) : null}
      </div>
      <div className="sim-column sim-column--trace">
        {result && view ? <TraceList design={view.design} result={result} /> : null}
      </div>
    </div>
  );
}

export function SimulatorPanel(): ReactElement | null {
  const open = useAppStore((state) => state.ui.simulatorOpen);
  const height = useSimulator((state) => state.height);

  // The canvas just got shorter (or taller): show the whole design again once React Flow has measured it.
  // Starts closed: the panel is first mounted when it first opens (App loads it then).
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current === open) return undefined;
    wasOpen.current = open;
    let inner = 0;
    const outer = requestAnimationFrame(() => (inner = requestAnimationFrame(fitView)));
    return () => {
      cancelAnimationFrame(outer);
      cancelAnimationFrame(inner);
    };
  }, [open]);

  if (!open) return null;
  return (
    <section className="simulator" aria-label="Simulator" data-testid="simulator" style={{ height }}>
      <Splitter />
      <header className="sim-header">
        <h2 className="sim-header__title">Simulator</h2>
        <PersonaBar />
        <button
          type="button"
          className="icon-button sim-header__close"
          aria-label="Close the simulator"
          title="Close (Ctrl/Cmd+J)"
          onClick={() => useAppStore.getState().run(toggleSimulatorCommand, undefined)}
        >
          ×
        </button>
      </header>
      <SimulatorBody />
    </section>
  );
}
