import { DiagnosticError, fail, ok, type Diagnostic, type Result, type Span } from '../diagnostic.js';
import { nameNodes, type Expr } from '../expr/ast.js';
import { type Checked, checkFormula } from '../expr/check.js';
import { countsWhole } from '../expr/functions.js';
import { parseFormula } from '../expr/parser.js';
import { referent } from '../expr/referent.js';
import { didYouMean } from '../suggest.js';
import { Dimension } from '../units/dimension.js';
import { newNoun, UnitRegistry, type Conventions } from '../units/registry.js';
import { parseQuantity, parseUnit, type WrittenUnit } from '../expr/quantity.js';
import { leftoverNounHint, unitInWords } from '../expr/unit-of.js';
import { calendarOrder } from './conventions.js';
import { writesPercent } from './plain.js';
import { combine, makeRange, medianOf, parseInput, type Distribution, type ParsedInput } from './range.js';
import { capacityRow, CAPACITY } from '../reference/capacity.js';
import { orderFigures } from './graph.js';
import type { Expectation, Figure, Model } from './model.js';
import { inferSection, type Section } from './sections.js';
import type { ScenarioData } from './schema.js';
import type { PathKey, ScenarioSource } from './located.js';
import { mergeChain, type Merged } from './extends.js';
import { type FormulaOptions, formulaOptions, type Names, type Reparse, withLazyTree } from './lazy-figure.js';

/** The longest day, month or year a scenario may restate, in seconds: 1000 years of it still fit a double. */
const MAX_CALENDAR_SECONDS = 1e290;

export interface CompileOptions {
  /** The file name shown in messages (a chain's files carry their own). */
  file?: string;
  /** The scenario's name when the file does not give one (its file name). */
  name?: string;
}

// This module needs neither the YAML parser nor the schema validator: each
// source checks its own shape (source.ts, or a built-in's data shipped checked,
// precompiled.ts). compileScenario (compile-text.ts) goes from text.

/**
 * A chain of parsed files, the scenario first and then each file it extends
 * (extends.ts reads it), to one checked model: shape, names, units,
 * dimensions, order. Gathers every problem it can find rather than stopping
 * at the first; a figure whose inputs are broken is not checked again, so one
 * mistake gives one message. Each file is checked against
 * the schema on its own; the merge (mergeChain) keeps where each entry was
 * written, so that every message points into the file that holds the
 * offending text.
 */
export function compileChain(sources: readonly ScenarioSource[], options: CompileOptions = {}): Result<Model> {
  const problems: Diagnostic[] = [];
  const datas: ScenarioData[] = [];
  for (const [i, source] of sources.entries()) {
    const data = source.data as Record<string, unknown>;
    const extending = Object.hasOwn(data, 'extends');
    if (extending && i === sources.length - 1) {
      problems.push({
        code: 'bad-extends',
        message: `\`extends: ${String(data.extends)}\` is not followed here: the scenario it names was not read`,
        span: source.locate(['extends']),
        ...(source.file !== undefined ? { file: source.file } : {}),
        hint: 'bote estimate, bote validate and the library read the files a scenario extends',
      });
      continue;
    }
    const valid = source.checked();
    if (valid.ok) datas.push(valid.value);
    else for (const d of valid.diagnostics) problems.push(d);
  }
  if (problems.length) return fail(...problems);
  return new Compiler(sources, mergeChain(datas), options).run();
}

class Compiler {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly file: string | undefined;
  private readonly data: ScenarioData;
  /** Inherited published figures left out: this variant changes what they depend on. */
  private readonly setAside: string[] = [];

  constructor(
    private readonly sources: readonly ScenarioSource[],
    private readonly merged: Merged,
    private readonly options: CompileOptions,
    /** Whether a formula may be checked as soon as it is parsed (see run). */
    private readonly early = true,
  ) {
    this.file = sources[0]!.file ?? options.file;
    this.data = merged.data;
  }

  run(): Result<Model> {
    const { data } = this;
    const nouns = this.nouns();
    const conventions = this.conventions();
    const registry = UnitRegistry.create({ nouns, conventions: conventions.lengths });
    const assumptionNames = Object.keys(data.assumptions);
    const derivedNames = Object.keys(data.derived ?? {});
    // Each name to itself: a formula's uses keep the key's string, not the copy each reference reads.
    const allNames = new Map<string, string>();
    for (const name of assumptionNames) allNames.set(name, name);
    for (const name of derivedNames) allNames.set(name, name);
    const notes = this.checkNames(registry, assumptionNames, derivedNames);

    const figures = new Map<string, Figure>();
    assumptionNames.forEach((name) => {
      const f = this.assumption(name, registry, allNames);
      if (f) figures.set(name, { ...f, index: figures.size });
    });
    // While nothing is wrong and each formula uses only figures above it, a formula is checked as
    // soon as it is parsed: that is the order orderFigures would give those, and a tree that lives
    // no longer than its check costs the garbage collector nothing (the model parses it again if
    // asked: lazy-figure.ts). At the first formula out of order, or the first problem, the rest wait
    // for the order; a check that fails here starts the compile again without this, so that every
    // message comes in its usual order.
    let early = this.early;
    let index = figures.size;
    const reparse: Reparse = { allNames, registry, figures };
    const options = formulaOptions(registry, allNames);
    /** Formulas parsed, not yet checked: they wait for the order. */
    const waiting: ParsedDerived[] = [];
    /** Figures that failed, or use one that did: not checked again. */
    const failed = new Set<string>();
    for (const name of derivedNames) {
      const d = this.parseDerived(name, options);
      if (!d) {
        early = false;
        failed.add(name);
        continue;
      }
      early &&= this.diagnostics.length === 0;
      if (early) {
        const figure = this.checkInOrder(d, registry, figures, index, reparse);
        if (figure === 'failed') return new Compiler(this.sources, this.merged, this.options, false).run();
        if (figure !== 'out of order') {
          figures.set(name, figure);
          index++;
          continue;
        }
        early = false;
      }
      waiting.push({ ...d, uses: usesOf(d.expr, registry, allNames) });
    }
    // A formula checked above uses only figures above it: it is in no circle, and needs no place in the order.
    const ordered = waiting.length ? orderFigures(new Map(waiting.map((d) => [d.name, d.uses]))) : { order: [] };
    if ('cycle' in ordered) {
      const [first] = ordered.cycle;
      this.report({
        code: 'cycle',
        message: `these figures use each other in a circle: ${ordered.cycle.join(' → ')}`,
        ...this.at(['derived', first!], 'key'),
        hint: 'a figure cannot depend on itself, directly or through others',
      });
      return fail(...this.diagnostics);
    }
    const byName = new Map(waiting.map((d) => [d.name, d]));
    // A failed figure whose `unit:` gives its dimension stands in with it, so that
    // its dependents are checked in the same run: every problem at once (below).
    const standIns = new Set<string>();
    const assumed = new Set(assumptionNames);
    // Whether any figure has failed yet: while none has, no figure's inputs need a look.
    let broken = failed.size > 0 || assumptionNames.some((n) => !figures.has(n));
    for (const name of ordered.order) {
      const d = byName.get(name)!;
      if (broken && d.uses.some((u) => (failed.has(u) && !standIns.has(u)) || (assumed.has(u) && !figures.has(u)))) {
        failed.add(name);
        continue;
      }
      const figure = this.checkDerived(d, registry, figures, index);
      if (figure) {
        figures.set(name, figure);
        index++;
        continue;
      }
      failed.add(name);
      broken = true;
      const standIn = standInFor(d, registry, index);
      if (standIn) {
        figures.set(name, { ...standIn, ...this.at(d.path) });
        standIns.add(name);
        index++;
      }
    }
    // Stand-ins only carry a dimension to their dependents: nothing else sees them.
    for (const name of standIns) figures.delete(name);
    const expectations = this.expectations(registry, figures, allNames);
    const list = [...figures.values()].sort((a, b) => a.index - b.index);
    const omitted = this.omitted(list, failed);
    if (this.diagnostics.length) return fail(...this.diagnostics);
    notes.push(...unusedAssumptions(list, this.file));
    return ok({
      name: data.name ?? this.options.name ?? 'scenario',
      title: data.title ?? data.name ?? this.options.name ?? 'scenario',
      ...(data.source !== undefined ? { source: data.source } : {}),
      ...(data.description !== undefined ? { description: data.description } : {}),
      ...(this.file !== undefined ? { file: this.file } : {}),
      text: this.sources[0]!.text,
      sources: this.sources.map((src) => ({ ...(src.file !== undefined ? { file: src.file } : {}), text: src.text })),
      registry,
      conventions: conventions.written,
      figures: list,
      // Every figure of the list and no other (the stand-ins are gone): a second map would only copy it.
      byName: figures,
      expectations,
      setAside: this.setAside,
      notes,
      omitted,
    });
  }

  /** `omitted:` says a section has no figure: refused when one of the figures is there after all. */
  private omitted(figures: Figure[], failed: ReadonlySet<string>): Map<Section, string> {
    const written = Object.entries(this.data.omitted ?? {}) as Array<[Section, string]>;
    for (const [section] of written) {
      const there = figures.filter((f) => f.section === section);
      if (!there.length || failed.size) continue;
      this.report({
        code: 'omitted-has-figures',
        message: `omitted: says ${section} has no figure, but ${there.map((f) => `\`${f.name}\``).join(', ')} ${there.length > 1 ? 'are' : 'is'} in ${section}`,
        ...this.at(['omitted', section], 'key'),
        hint: `remove ${section} from omitted:, or give those figures another \`section:\``,
      });
    }
    return new Map(written);
  }

  /** `origin:` and `ref:` of an assumption: a ref names a row of `bote ref capacity`; a default says where it comes from. */
  private provenance(
    name: string,
    raw: ScenarioData['assumptions'][string],
  ): Pick<Figure, 'origin' | 'ref'> | undefined {
    if (typeof raw === 'string') return { origin: 'source' };
    const origin = raw.origin ?? 'source';
    if (raw.ref !== undefined && !capacityRow(raw.ref)) {
      const guess = didYouMean(
        raw.ref.trim(),
        CAPACITY.map((r) => r.id),
      );
      this.report({
        code: 'unknown-ref',
        message: `\`ref: ${raw.ref.trim()}\` is not a row of bote ref capacity`,
        ...this.at(['assumptions', name, 'ref']),
        hint: guess
          ? `did you mean \`${guess}\`? (bote ref capacity lists the rows)`
          : 'bote ref capacity lists the rows: T1, H8, P1...',
      });
      return undefined;
    }
    if (origin === 'default' && raw.ref === undefined && (raw.note === undefined || !raw.note.trim())) {
      this.report({
        code: 'unsourced-default',
        message: `\`${name}\` is a default but does not say where its value comes from`,
        ...this.at(['assumptions', name, 'origin']),
        hint: 'add `ref:` (a row of bote ref capacity, e.g. T1) or a `note:` that says why this value',
      });
      return undefined;
    }
    return { origin, ...(raw.ref !== undefined ? { ref: capacityRow(raw.ref)!.id } : {}) };
  }

  private nouns(): string[] {
    const nouns = this.data.nouns ?? [];
    return nouns.filter((noun, i) => {
      const verdict = newNoun(noun);
      if (verdict === 'ok') return true;
      if (verdict === 'again') return false;
      this.report({
        code: 'name-is-unit',
        message: `\`${noun}\` is already a unit (${verdict.clash.symbol})`,
        ...this.at(['nouns', i]),
        hint: 'remove it from nouns:, or choose another word',
      });
      return false;
    });
  }

  /**
   * Calendar lengths, each read after those it is written in (docs/scenarios.md,
   * "Conventions"): `year: 12 month` uses the restated month. A month restated
   * alone leaves the year at 365 days, and the header says so.
   */
  private conventions(): { lengths: Partial<Conventions>; written: Model['conventions'] } {
    const lengths: Partial<Conventions> = {};
    const given = this.data.conventions ?? {};
    const order = calendarOrder(given);
    if ('circle' in order) {
      const { unit, message, hint } = order.circle;
      this.report({ code: 'cycle', message, hint, ...this.at(['conventions', unit]) });
      return { lengths, written: [] };
    }
    for (const unit of order.units) {
      const text = given[unit]!;
      const path = ['conventions', unit];
      const q = this.attempt(path, () => parseQuantity(text, UnitRegistry.create({ conventions: lengths })));
      if (!q) continue;
      if (!q.dim.equals(Dimension.base('s'))) {
        this.report({
          code: 'unit-mismatch',
          message: `a ${unit} must be a positive length of time, not ${q.dim.isNone ? 'a plain number' : q.unit.text || q.dim}`,
          ...this.at(path),
          hint: `e.g. ${unit}: 100000 s`,
        });
        continue;
      }
      if (!(q.value > 0)) {
        this.report({
          code: 'schema',
          message: `a ${unit} must be a positive length of time, not ${text.trim()}`,
          ...this.at(path),
        });
        continue;
      }
      // The units built on it (a millennium is 365,000 days) must stay finite numbers.
      if (!(q.value <= MAX_CALENDAR_SECONDS)) {
        this.report({
          code: 'not-finite',
          message: `a ${unit} of ${text.trim()} makes the longer units of time too large to hold`,
          ...this.at(path),
          hint: `a ${unit} is at most 1e290 s`,
        });
        continue;
      }
      lengths[unit] = q.value;
    }
    const written: Model['conventions'] = [];
    for (const unit of ['day', 'year', 'month'] as const) {
      if (given[unit] !== undefined) written.push({ unit, text: given[unit] });
      // A restated month does not restate the year: say which year is used.
      else if (unit === 'year' && given.month !== undefined) written.push({ unit, text: '365 day (default)' });
    }
    return { lengths, written };
  }

  /**
   * A name is defined once. A figure may be named like a unit (`years`,
   * `bytes`): a bare name in a formula is the figure, a word where a unit
   * goes is the unit (docs/units.md, "Names"). That is worth a note where the
   * unit is not a count noun, which `validate` shows and nothing else.
   */
  private checkNames(registry: UnitRegistry, assumptions: string[], derived: string[]): Diagnostic[] {
    const notes: Diagnostic[] = [];
    const taken = new Set(assumptions);
    for (const [section, names] of [
      ['assumptions', assumptions],
      ['derived', derived],
    ] as const) {
      for (const name of names) {
        const unit = registry.lookup(name);
        if (unit && !unit.countable) {
          notes.push({
            code: 'name-is-unit',
            severity: 'note',
            ...this.at([section, name], 'key'),
            message: `\`${name}\` is also a unit (${unit.symbol}): a bare \`${name}\` in a formula is this figure, and after a number (\`10 ${name}\`) the unit`,
          });
        }
        if (section === 'derived' && taken.has(name)) {
          this.report({
            code: 'schema',
            message: `\`${name}\` is both an assumption and a derived figure`,
            ...this.at([section, name], 'key'),
            hint: 'a name is defined once',
          });
        }
      }
    }
    return notes;
  }

  private assumption(name: string, registry: UnitRegistry, allNames: Names): Figure | undefined {
    const raw = this.data.assumptions[name]!;
    const forbidden = (n: string) =>
      allNames.has(n)
        ? `an assumption is a quantity and cannot use \`${n}\`; to compute \`${name}\`, move it under derived:`
        : undefined;
    const read = (path: PathKey[], text: string) => this.attempt(path, () => parseInput(text, registry, forbidden));
    let input: ParsedInput | undefined;
    let text: string;
    let path: PathKey[];
    if (typeof raw === 'string') {
      [text, path] = [raw, ['assumptions', name]];
      input = read(path, text);
    } else if (raw.value !== undefined && raw.low === undefined && raw.high === undefined) {
      [text, path] = [raw.value, ['assumptions', name, 'value']];
      input = read(path, text);
      if (input && raw.dist) input = this.withDist(input, raw.dist, path);
    } else if (raw.value === undefined && raw.low !== undefined && raw.high !== undefined) {
      [text, path] = [`${raw.low} to ${raw.high}`, ['assumptions', name]];
      const low = read(['assumptions', name, 'low'], raw.low);
      const high = read(['assumptions', name, 'high'], raw.high);
      if (!low || !high) return undefined;
      input = this.attempt(path, () => combine(low.quantity, high.quantity, raw.dist, { start: 0, end: 0 }));
    } else {
      this.report({
        code: 'schema',
        message: `\`${name}\` needs either \`value:\` or both \`low:\` and \`high:\``,
        ...this.at(['assumptions', name], 'key'),
        hint: 'e.g. { value: 100M user } or { low: 100M user, high: 300M user }',
      });
      return undefined;
    }
    const provenance = this.provenance(name, raw);
    if (!input || !provenance) return undefined;
    const q = input.quantity;
    return {
      name,
      kind: 'assumption',
      index: -1,
      dim: q.dim,
      text,
      expr: q.expr,
      unit: q.unit.text ? q.unit : undefined,
      ...provenance,
      ...(raw !== null && typeof raw === 'object' && raw.note !== undefined ? { note: raw.note } : {}),
      ...(input.range ? { range: input.range } : {}),
      ...this.at(path),
      uses: [],
      value: q.value,
    };
  }

  /** `{ value: "1 to 3 ms", dist: normal }`: the mapping chooses how the range is read. */
  private withDist(input: ParsedInput, dist: Distribution, path: PathKey[]): ParsedInput | undefined {
    if (!input.range) {
      this.report({
        code: 'schema',
        message: '`dist:` applies to a range, such as "1 to 3 ms"',
        ...this.at(path),
      });
      return undefined;
    }
    return this.attempt(path, () => {
      const range = makeRange(input.range!.low, input.range!.high, dist, { start: 0, end: 0 });
      return { quantity: { ...input.quantity, value: medianOf(range) }, range };
    });
  }

  /** A derived figure's formula parsed, and what is written beside it; undefined (and a message) when it does not parse. */
  private parseDerived(name: string, options: FormulaOptions): ParsedFormula | undefined {
    const raw = this.data.derived![name]!;
    const [text, path] = typeof raw === 'string' ? [raw, ['derived', name]] : [raw.expr, ['derived', name, 'expr']];
    const parsed = this.attempt(path, () => parseFormula(text, options));
    if (!parsed) return undefined;
    return {
      name,
      text,
      path,
      expr: parsed.expr,
      unitText: typeof raw === 'string' ? undefined : raw.unit,
      note: typeof raw === 'string' ? undefined : raw.note,
      section: typeof raw === 'string' ? undefined : raw.section,
      headline: typeof raw === 'string' ? false : raw.headline === true,
    };
  }

  /**
   * A formula checked as soon as it is parsed, its uses read off the check
   * (the figures its names resolve to, in the order written, as usesOf gives
   * them). The figure keeps neither tree nor code (lazy-figure.ts). 'out of
   * order': it names a figure not checked yet (further down, or itself), and
   * waits for the order. 'failed': something is wrong; the caller compiles
   * again without checking early, which says what, so nothing is reported here.
   */
  private checkInOrder(
    d: ParsedFormula,
    registry: UnitRegistry,
    figures: ReadonlyMap<string, Figure>,
    index: number,
    reparse: Reparse,
  ): Figure | 'out of order' | 'failed' {
    const uses = new Set<string>();
    let outOfOrder = false;
    const lookup = (n: string) => {
      const f = figures.get(n);
      if (f) uses.add(f.name);
      else if (reparse.allNames.has(n)) outOfOrder = true;
      return f;
    };
    try {
      const unit = d.unitText === undefined ? undefined : parseUnit(d.unitText, registry);
      const checked = checkFormula(d.expr, { registry, lookup, withoutCode: true, ...(unit ? { roundIn: unit } : {}) });
      if (outOfOrder) return 'out of order';
      if (unit && !unit.dim.equals(checked.dim)) return 'failed';
      return withLazyTree(this.derivedFields(d, checked, unit, registry, index, [...uses]), reparse);
    } catch (e) {
      if (!(e instanceof DiagnosticError)) throw e;
      return outOfOrder ? 'out of order' : 'failed';
    }
  }

  /** A formula checked in the order of its dependencies: the figure, or undefined and the messages that say why not. */
  private checkDerived(
    d: ParsedDerived,
    registry: UnitRegistry,
    figures: Map<string, Figure>,
    index: number,
  ): Figure | undefined {
    const unitPath = ['derived', d.name, 'unit'];
    let unit: WrittenUnit | undefined;
    if (d.unitText !== undefined) {
      unit = this.attempt(unitPath, () => parseUnit(d.unitText!, registry));
      if (!unit) return undefined;
    }
    const checked = this.attempt(d.path, () =>
      checkFormula(d.expr, {
        registry,
        lookup: (n) => figures.get(n),
        names: () => figures.keys(),
        ...(unit ? { roundIn: unit } : {}),
      }),
    );
    if (!checked) return undefined;
    if (unit && !unit.dim.equals(checked.dim)) {
      const lookup = (n: string) => figures.get(n);
      const gives = unitInWords(d.expr, checked.dim, registry, lookup);
      const perNoun = leftoverNounHint(d.expr, checked.dim, unit.dim, registry, d.text, lookup);
      this.report({
        code: 'declared-unit',
        message: `\`unit: ${unit.text}\` does not fit the formula of \`${d.name}\`, which gives ${gives}`,
        ...this.at(unitPath),
        hint: perNoun ?? `use a unit of ${gives}, or fix the formula (${unit.text} is a unit of ${unit.dim})`,
      });
      return undefined;
    }
    return { ...this.derivedFields(d, checked, unit, registry, index, d.uses), expr: d.expr, code: checked.code };
  }

  /** A checked derived figure, but its tree and code. */
  private derivedFields(
    d: ParsedFormula,
    checked: Checked,
    unit: WrittenUnit | undefined,
    registry: UnitRegistry,
    index: number,
    uses: string[],
  ): Omit<Figure, 'expr' | 'code'> {
    return {
      name: d.name,
      kind: 'derived',
      index,
      dim: checked.dim,
      text: d.text,
      whole: countsWhole(d.expr),
      unit,
      ...(d.note !== undefined ? { note: d.note } : {}),
      ...this.at(d.path),
      uses,
      ...(checked.evaluated !== undefined ? { evaluated: checked.evaluated } : {}),
      section: d.section ?? inferSection(checked.dim, unit, registry),
      ...(d.headline ? { headline: true } : {}),
    };
  }

  private expectations(registry: UnitRegistry, figures: Map<string, Figure>, allNames: Names): Expectation[] {
    const out: Expectation[] = [];
    for (const [name, raw] of Object.entries(this.data.expect ?? {})) {
      const [text, path] = typeof raw === 'string' ? [raw, ['expect', name]] : [raw.value, ['expect', name, 'value']];
      if (!allNames.has(name)) {
        const guess = didYouMean(name, allNames.keys());
        this.report({
          code: 'unknown-name',
          message: `\`expect\` names \`${name}\`, which is not a figure of this scenario`,
          ...this.at(['expect', name], 'key'),
          ...(guess ? { hint: `did you mean \`${guess}\`?` } : {}),
        });
        continue;
      }
      const figure = figures.get(name);
      if (!figure) continue;
      const level = this.merged.writtenAt(['expect', name]).index;
      if (level > 0 && this.changedSince(level, figure, figures)) {
        this.setAside.push(name);
        continue;
      }
      const skip = text.length - text.trimStart().length;
      const approx = text.trimStart().startsWith('~');
      const body = approx ? text.slice(skip + 1) : text;
      const shift = approx ? skip + 1 : 0;
      const q = this.attempt(path, () => parseQuantity(body, registry), shift);
      if (!q) continue;
      if (!q.dim.equals(figure.dim)) {
        const figureUnit = figure.unit?.text || String(figure.dim);
        this.report({
          code: 'bad-expect',
          message: `the published \`${name}\` is in ${q.unit.text || q.dim}, but the figure is in ${figureUnit}`,
          ...this.at(path),
        });
        continue;
      }
      out.push({
        name,
        text: text.trim(),
        tolerance: approx ? 0.1 : 0.01,
        value: q.value,
        unit: checkUnit(q.unit, body, figure),
        ...this.at(path),
        ...(typeof raw !== 'string' && raw.erratum !== undefined ? { erratum: raw.erratum } : {}),
        ...(typeof raw !== 'string' && raw.note !== undefined ? { note: raw.note } : {}),
      });
    }
    return out;
  }

  /**
   * Whether a nearer file of the chain than `level` (the file that published
   * the figure) changes the figure, or anything it depends on, transitively:
   * an assumption or formula written again differently, or the calendar.
   */
  private changedSince(level: number, figure: Figure, figures: ReadonlyMap<string, Figure>): boolean {
    if (this.merged.calendarDiffersFrom(level)) return true;
    const seen = new Set<string>([figure.name]);
    const stack = [figure.name];
    while (stack.length) {
      const name = stack.pop()!;
      if (this.merged.differsFrom(level, name)) return true;
      for (const used of figures.get(name)?.uses ?? []) {
        if (seen.has(used)) continue;
        seen.add(used);
        stack.push(used);
      }
    }
    return false;
  }

  /** Runs one step; a DiagnosticError becomes diagnostics placed in the file. */
  private attempt<T>(path: PathKey[], step: () => T, shift = 0): T | undefined {
    try {
      return step();
    } catch (e) {
      if (!(e instanceof DiagnosticError)) throw e;
      const { source, path: there } = this.where(path);
      const at = source.offsetIn(there);
      for (const d of e.diagnostics) {
        const span: Span = d.span
          ? { start: at(d.span.start + shift), end: at(d.span.end + shift) }
          : source.locate(there);
        this.report({ ...d, span, ...(source.file !== undefined ? { file: source.file } : {}) });
      }
      return undefined;
    }
  }

  /** The file that holds the entry at `path` of the merged scenario, and the entry's path in it. */
  private where(path: readonly PathKey[]): { source: ScenarioSource; path: PathKey[] } {
    const written = this.merged.writtenAt(path);
    return { source: this.sources[written.index]!, path: written.path };
  }

  /** Where the entry at `path` was written: its span, in its file. */
  private at(path: readonly PathKey[], part?: 'key' | 'value'): { span: Span; file?: string } {
    const { source, path: there } = this.where(path);
    return { span: source.locate(there, part), ...(source.file !== undefined ? { file: source.file } : {}) };
  }

  private report(d: Diagnostic): void {
    this.diagnostics.push(d.file === undefined && this.file !== undefined ? { ...d, file: this.file } : d);
  }
}

/** A derived figure's formula parsed, and what is written beside it. */
interface ParsedFormula {
  name: string;
  text: string;
  path: PathKey[];
  expr: Expr;
  unitText: string | undefined;
  note: string | undefined;
  section: Section | undefined;
  headline: boolean;
}

/** A parsed formula that waits for the order: the figures it uses. */
interface ParsedDerived extends ParsedFormula {
  uses: string[];
}

/**
 * The figures a formula uses, each once, in the order written, as the
 * scenario's keys spell them. `10 year` names the unit even where a figure is
 * called `year`: no dependency.
 */
function usesOf(expr: Expr, registry: UnitRegistry, allNames: Names): string[] {
  const uses = new Set<string>();
  for (const n of nameNodes(expr)) {
    const r = referent(n, registry, (m) => allNames.get(m));
    if (r !== undefined && 'figure' in r) uses.add(r.figure);
  }
  return [...uses];
}

/**
 * The unit a published figure is compared in: as written (`40 request/s`);
 * for a plain figure, the figure's own unit (`unit: percent` shows 86.8
 * percent in the table, so its check does too), else `%` for a percentage.
 */
function checkUnit(written: WrittenUnit, text: string, figure: Figure): WrittenUnit {
  if (written.text || !figure.dim.isNone) return written;
  if (figure.unit?.text) return figure.unit;
  return writesPercent(text) ? { text: '%', factor: 0.01, dim: Dimension.none } : written;
}

/**
 * A derived figure that failed its check, as its dependents see it: its
 * declared `unit:` tells its dimension, which is all they need to be checked
 * themselves. None without a `unit:` that reads.
 */
function standInFor(d: ParsedDerived, registry: UnitRegistry, index: number): Omit<Figure, 'span'> | undefined {
  if (d.unitText === undefined) return undefined;
  let unit: WrittenUnit;
  try {
    unit = parseUnit(d.unitText, registry);
  } catch (e) {
    if (e instanceof DiagnosticError) return undefined;
    throw e;
  }
  return { name: d.name, kind: 'derived', index, dim: unit.dim, text: d.text, expr: d.expr, unit, uses: d.uses };
}

/** Assumptions no formula uses: they change no result, which is seldom meant (a warning, `bote validate`). */
function unusedAssumptions(figures: readonly Figure[], file: string | undefined): Diagnostic[] {
  // Struck off as used: a set of the assumptions stays small where a set of every use would hold
  // every figure of a 100,000-figure fan-in, a million additions.
  const unused = new Set<string>();
  for (const f of figures) if (f.kind === 'assumption') unused.add(f.name);
  for (const f of figures) {
    if (!unused.size) break;
    for (const u of f.uses) unused.delete(u);
  }
  return figures
    .filter((f) => f.kind === 'assumption' && unused.has(f.name))
    .map((f) => ({
      code: 'unused' as const,
      severity: 'warning' as const,
      message: `\`${f.name}\` is used by no formula: it changes no result`,
      span: f.span,
      ...((f.file ?? file) !== undefined ? { file: (f.file ?? file)! } : {}),
      hint: 'use it in a formula under derived:, or remove it',
    }));
}
