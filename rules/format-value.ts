/**
 * A fact value as founders read it: numbers with the unit of their fact
 * (4.2%, 3000万元, 30个月, 40人), booleans as 是/否, enums by Chinese label.
 */
import type { FactDefinition, FactValue } from './catalogue';
import { messages } from './messages';

/** At most two decimals, no trailing zeros: 4.2, 12, 0.35. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Math.round(value * 100) / 100);
}

export function unitOf(definition: FactDefinition | undefined): string {
  if (!definition) return '';
  if (definition.type === 'percent') return '%';
  return definition.unit ?? '';
}

export function labelOf(definition: FactDefinition | undefined, fact: string): string {
  return definition?.label ?? fact;
}

export function optionLabel(definition: FactDefinition | undefined, value: FactValue): string {
  const option = definition?.options?.find((o) => o.value === value);
  return option ? option.label : String(value);
}

export function formatValue(definition: FactDefinition | undefined, value: FactValue): string {
  if (typeof value === 'boolean') return value ? messages.yes : messages.no;
  if (typeof value === 'number') return `${formatNumber(value)}${unitOf(definition)}`;
  return optionLabel(definition, value);
}

export function formatList(definition: FactDefinition | undefined, values: readonly FactValue[]): string {
  return values.map((v) => formatValue(definition, v)).join(messages.listSeparator);
}
