/**
 * Points tables (the 科技型中小企业 100-point evaluation) with bounds: a known
 * fact gives its exact points, an unknown one the range its band table allows.
 * A `best_of` takes the best known points as its floor, so an unknown
 * alternative matters only while it could still beat that floor.
 */
import type { FactDefinition, FactValue, ScoreBand, ScoreComponent, ScoreTable } from './catalogue';
import type { ScoreBreakdown, Truth } from './results';
import { numericDomain } from './fact-domain';
import { fromBounds } from './kleene';
import { memoPerPair } from './memo';

export interface ComponentBounds {
  label: string;
  min: number;
  max: number;
  /** The most this component can ever give. */
  ceiling: number;
  /** Unknown facts whose answer could move this component's points. */
  open: string[];
}

export interface ScoreBounds {
  min: number;
  max: number;
  components: ComponentBounds[];
}

interface FactSource {
  get(fact: string): FactValue | undefined;
}
type Definitions = Readonly<Record<string, FactDefinition>>;

/** The band with the highest `min` ≤ value wins; below every band gives 0. */
export function pointsFor(bands: readonly ScoreBand[], value: number): number {
  let best: ScoreBand | undefined;
  for (const band of bands) if (band.min <= value && (!best || band.min > best.min)) best = band;
  return best ? best.points : 0;
}

// Once per (bands of the catalogue, definition of the fact they grade), not per evaluation.
const reachableOf = memoPerPair((bands: readonly ScoreBand[], definition: FactDefinition) =>
  computeReachable(bands, definition),
);
const NO_DEFINITION: FactDefinition = Object.freeze({ fact: '', type: 'number', label: '', question: '', why: '' });

/** Points reachable by a value in the fact's domain [min, max] (percent: 0–100, counts: ≥ 0). */
export function reachableRange(bands: readonly ScoreBand[], definition: FactDefinition | undefined): [number, number] {
  // A fact the vocabulary lacks (a content error) has the domain of a number without bounds.
  return reachableOf(bands, definition ?? NO_DEFINITION);
}

function computeReachable(bands: readonly ScoreBand[], definition: FactDefinition | undefined): [number, number] {
  const [low, high] = numericDomain(definition);
  // The points at the domain's lower end, and at every band start inside the domain.
  const reachable = [pointsFor(bands, low)];
  for (const band of bands) if (band.min > low && band.min <= high) reachable.push(band.points);
  return [Math.min(...reachable), Math.max(...reachable)];
}

function ceilingOf(component: ScoreComponent): number {
  if ('fact' in component) return Math.max(0, ...component.bands.map((b) => b.points));
  return Math.max(0, ...component.best_of.map(ceilingOf));
}

export function componentBounds(component: ScoreComponent, values: FactSource, facts: Definitions): ComponentBounds {
  const ceiling = ceilingOf(component);
  if ('fact' in component) {
    const value = values.get(component.fact);
    if (typeof value === 'number') {
      const points = pointsFor(component.bands, value);
      return { label: component.label, min: points, max: points, ceiling, open: [] };
    }
    const [min, max] = reachableRange(component.bands, facts[component.fact]);
    return { label: component.label, min, max, ceiling, open: min < max ? [component.fact] : [] };
  }
  const children = component.best_of.map((child) => componentBounds(child, values, facts));
  const floor = Math.max(...children.map((c) => c.min));
  const top = Math.max(...children.map((c) => c.max));
  // An alternative that cannot beat the best known points cannot change the result.
  const open = children.filter((c) => c.max > floor).flatMap((c) => c.open);
  return { label: component.label, min: floor, max: top, ceiling, open: floor < top ? open : [] };
}

export function scoreBounds(table: ScoreTable, values: FactSource, facts: Definitions): ScoreBounds {
  const components = table.components.map((c) => componentBounds(c, values, facts));
  return {
    min: components.reduce((sum, c) => sum + c.min, 0),
    max: components.reduce((sum, c) => sum + c.max, 0),
    components,
  };
}

/** Met when even the lower bound passes, not met when even the upper bound fails. */
export function compareScore(bounds: ScoreBounds, op: '>=' | '>', threshold: number): Truth {
  return fromBounds(bounds.min, bounds.max, op === '>', threshold);
}

/** Facts that could still move the total across the threshold. */
export function openScoreFacts(bounds: ScoreBounds): string[] {
  return bounds.components.flatMap((c) => c.open);
}

export function breakdown(name: string, table: ScoreTable, bounds: ScoreBounds): ScoreBreakdown {
  return {
    name,
    label: table.label,
    min: bounds.min,
    max: bounds.max,
    components: bounds.components.map((c) => ({
      label: c.label,
      points: c.min === c.max ? c.min : null,
      max: c.ceiling,
    })),
  };
}
