import type { Unit, UnitRegistry } from '../units/registry.js';
import type { Expr } from './ast.js';

type NameNode = Extract<Expr, { kind: 'name' }>;

/**
 * What a name in a formula stands for, by the one rule of docs/units.md
 * ("Names"): written where a unit goes (`10 year`, `req/s/server`), a word the
 * registry knows is that unit; anywhere else the scenario's figure of that
 * name comes first, then the unit. Undefined: neither.
 */
export function referent<F>(
  e: NameNode,
  registry: UnitRegistry,
  figure?: (name: string) => F | undefined,
): { unit: Unit } | { figure: F } | undefined {
  if (e.unitPosition) {
    const unit = registry.lookup(e.name);
    if (unit) return { unit };
  }
  const f = figure?.(e.name);
  if (f !== undefined) return { figure: f };
  const unit = registry.lookup(e.name);
  return unit ? { unit } : undefined;
}
