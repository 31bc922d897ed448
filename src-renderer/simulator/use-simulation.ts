// Runs the simulation off the typing path: a short debounce after the last change (design, identity or
// requests), then an idle callback, so keystrokes in the inspector or the form never wait for the engine.
// The path it finds is published to `ui.simulationPath` for the canvas to light up. Each run is a
// `simulation` performance measure.

import { useEffect, useState } from 'react';
import { designAttachesAwsManagedPolicy, useAwsManagedPolicies } from '../data/use-aws-managed-policies';
import { useAppStore } from '../state/store';
import { runSimulation, type SimulationView } from './run-simulation';
import { useSimulator } from './simulator-store';

const DEBOUNCE_MS = 120;

type IdleHandle = { cancel(): void };

function whenIdle(work: () => void): IdleHandle {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work, { timeout: 400 });
    return { cancel: () => window.cancelIdleCallback(handle) };
  }
  const handle = window.setTimeout(work, 0);
  return { cancel: () => window.clearTimeout(handle) };
}

function samePath(
  a: { nodes: string[]; edges: string[] } | null,
  b: { nodes: string[]; edges: string[] } | null,
): boolean {
  if (a === null || b === null) return a === b;
  return a.nodes.join('\n') === b.nodes.join('\n') && a.edges.join('\n') === b.edges.join('\n');
}

/** Runs once, recorded as a `simulation` performance measure; a defect becomes a message, not a blank panel. */
function measured(run: () => SimulationView, design: SimulationView['design']): SimulationView {
  const start = performance.now();
  try {
    return run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { design, formError: `The simulator failed unexpectedly: ${message}`, requests: [], path: null };
  } finally {
    performance.measure('simulation', { start, end: performance.now() });
  }
}

export function useSimulationView(open: boolean): { view: SimulationView | null; pending: boolean } {
  const design = useAppStore((state) => state.design);
  const form = useSimulator((state) => state.form);
  const requests = useSimulator((state) => state.requests);
  const [view, setView] = useState<SimulationView | null>(null);
  const [pending, setPending] = useState(false);
  // Runs again when the AWS managed policy data arrives, so "loading" rows get their decision.
  const aws = useAwsManagedPolicies(open && designAttachesAwsManagedPolicy(design));

  useEffect(() => {
    if (!open || !form) return undefined;
    setPending(true);
    let idle: IdleHandle | undefined;
    const timer = window.setTimeout(() => {
      idle = whenIdle(() => {
        const next = measured(() => runSimulation(design, form, requests, aws), design);
        setView(next);
        setPending(false);
        const store = useAppStore.getState();
        const path = next.path && { nodes: next.path.nodes, edges: next.path.edges };
        if (store.ui.simulatorOpen && !samePath(store.ui.simulationPath, path))
          store.setUi({ simulationPath: path });
      });
    }, DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      idle?.cancel();
    };
  }, [open, design, form, requests, aws]);

  return { view, pending };
}
