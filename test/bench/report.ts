// What every benchmark module returns to the runner (see README.md).

export interface BenchMetric {
  name: string;
  value: number;
  unit: string;
  /** e.g. `>= 50x runUnsafeSimulation`; shown next to the figure. */
  target?: string;
  /** Whether the target was reached; absent when there is no target. */
  met?: boolean;
}

export interface BenchReport {
  name: string;
  /** Free text for people, printed before the figures (workload size, notes). */
  notes: string[];
  metrics: BenchMetric[];
  /** Correctness problems found while measuring; any entry makes `npm run bench` exit non-zero. */
  failures: string[];
}

/** Operations per second from a count and a duration in milliseconds. */
export function perSecond(count: number, milliseconds: number): number {
  return milliseconds > 0 ? (count * 1000) / milliseconds : Number.POSITIVE_INFINITY;
}
