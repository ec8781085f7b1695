import type { Expr } from '../expr/ast.js';
import { checkFormula } from '../expr/check.js';
import { parseFormula } from '../expr/parser.js';
import type { UnitRegistry } from '../units/registry.js';
import type { Figure } from './model.js';

// A figure whose formula was checked as soon as it was parsed (compile.ts)
// keeps neither its tree nor its code: each is made again when first read.

/** How a derived figure's formula is parsed: the units the registry knows, the scenario's names. */
export function formulaOptions(registry: UnitRegistry, allNames: Names): FormulaOptions {
  return { isUnit: (w: string) => registry.lookup(w) !== undefined, isFigure: (n: string) => allNames.has(n) };
}

/** Every name of the scenario, assumptions then derived, each to itself (the key's own string). */
export type Names = ReadonlyMap<string, string>;

export type FormulaOptions = { isUnit: (word: string) => boolean; isFigure: (name: string) => boolean };

/** How a checked figure's formula is parsed and checked again: shared by every figure of one compile. */
export interface Reparse {
  allNames: Names;
  registry: UnitRegistry;
  /** The model's figures, by name: what the formula's names stand for. */
  figures: ReadonlyMap<string, Figure>;
}

/**
 * A checked figure whose tree and code are made again when a reader first
 * asks for them, then kept: the same text with the same names gives the same
 * tree, and the same tree checked against the same figures the same code. The
 * tree is read by explain and mental math; the code by a program that runs
 * the model (sampling, sweeps, --set), which most commands never make.
 * `expr` and `code` are getters of the class, not of each object: an accessor
 * defined on the object itself would turn it into a hash table (about 800
 * bytes a figure), and a closure per figure would keep its context alive.
 */
class FigureWithLazyTree {
  #tree: Expr | undefined;
  #code: string | undefined;
  readonly #reparse: Reparse;

  constructor(fields: Omit<Figure, 'expr' | 'code'>, reparse: Reparse) {
    Object.assign(this, fields);
    this.#reparse = reparse;
  }

  get expr(): Expr {
    this.#tree ??= this.#parse();
    return this.#tree;
  }

  get code(): string {
    if (this.#code === undefined) {
      const { registry, figures } = this.#reparse;
      const unit = (this as unknown as Figure).unit;
      // A tree made for the code alone is not kept: a program over every figure would keep them all.
      const tree = this.#tree ?? this.#parse();
      this.#code = checkFormula(tree, {
        registry,
        lookup: (n) => figures.get(n),
        ...(unit ? { roundIn: unit } : {}),
      }).code;
    }
    return this.#code;
  }

  #parse(): Expr {
    const { allNames, registry } = this.#reparse;
    return parseFormula((this as unknown as Figure).text, formulaOptions(registry, allNames)).expr;
  }
}

export function withLazyTree(fields: Omit<Figure, 'expr' | 'code'>, reparse: Reparse): Figure {
  return new FigureWithLazyTree(fields, reparse) as unknown as Figure;
}
