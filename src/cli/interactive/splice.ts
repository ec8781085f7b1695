import { isMap, isScalar, parseDocument, type Node, type YAMLMap } from 'yaml';
import { fail, ok, type Result } from '../../core/diagnostic.js';
import { applyEdits, delta, fileText, type Edits, type WhatIf } from '../../core/analysis/whatif.js';
import { compileChain } from '../../core/scenario/compile.js';
import { parseScenarioSource } from '../../core/scenario/source.js';
import type { Model } from '../../core/scenario/model.js';
import { evaluateModel } from '../../core/scenario/run.js';

// Writing a what-if into the scenario's own text, for "Save as a new
// scenario": the part of `estimate -i` that knows YAML as written. The
// what-if state it writes is core's (core/analysis/whatif.ts).

export interface SaveOptions {
  /** The new scenario's `name:` (lowercase, digits and -); kept when absent. */
  name?: string;
  /** Comment lines put after the file's leading comments, without `#`. */
  header?: string[];
}

/** A change to the original text: the characters from start to end become `text`. */
interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * The scenario text with the edits written in: an assumption's value (the
 * `value:` of a `{ value, note }` mapping), a result's formula replaced by
 * its pinned quantity, the published figures of changed results dropped.
 * Everything else stays as written, byte for byte, where each change is a
 * scalar in place; otherwise the YAML Document API rewrites the file. The
 * text is compiled again and must give the what-if values, or nothing is
 * returned.
 */
export function saveScenario(model: Model, edits: Edits, options: SaveOptions = {}): Result<string> {
  const whatIf = applyEdits(model, edits);
  if (!whatIf.ok) return whatIf;
  const doc = parseDocument(model.text, { keepSourceTokens: false });
  if (doc.errors.length) return fail({ code: 'yaml-syntax', message: doc.errors[0]!.message });
  const splices: Splice[] = [];
  let structural = false;
  /** Sets a scalar: in place in the text when the original is a scalar, through the Document API always. */
  const put = (path: string[], value: string) => {
    const node = doc.getIn(path, true) as Node | undefined;
    if (isScalar(node) && node.range)
      splices.push({ start: node.range[0], end: node.range[1], text: scalarSource(value) });
    else structural = true;
    doc.setIn(path, value);
  };

  for (const [name, typed] of edits) {
    const figure = model.byName.get(name)!;
    const text = fileText(model, name, typed);
    if (figure.kind === 'assumption') {
      const node = doc.getIn(['assumptions', name], true);
      if (isMap(node)) {
        for (const key of ['low', 'high', 'dist']) {
          if (node.has(key)) {
            structural = true;
            node.delete(key);
          }
        }
        // The value is now the user's: no longer bote's default, nor a row's.
        const provenance = keyRemovals(node, ['origin', 'ref'], model.text);
        if (provenance) splices.push(...provenance);
        else structural = true;
        for (const key of ['origin', 'ref']) node.delete(key);
        put(['assumptions', name, 'value'], text);
      } else {
        put(['assumptions', name], text);
      }
    } else {
      if (whatIf.value.overrides.get(name)?.range) {
        return fail({
          code: 'bad-override',
          message: `\`${name}\` is a result set to a range, which a formula cannot hold`,
          hint: `set \`${name}\` to one value to save, or make a range of the assumptions it is made from`,
        });
      }
      put(isMap(doc.getIn(['derived', name], true)) ? ['derived', name, 'expr'] : ['derived', name], text);
    }
  }
  if (options.name !== undefined && doc.has('name')) put(['name'], options.name);

  const dropped = model.expectations
    .map((e) => e.name)
    .filter((n) => whatIf.value.deltas[model.byName.get(n)?.index ?? -1] !== 0);
  const expect = doc.get('expect', true);
  let emptyExpect: { from: number; to: number } | undefined;
  if (dropped.length && isMap(expect)) {
    const pairs = expect.items;
    const lines: Array<{ from: number; to: number }> = [];
    for (const pair of pairs) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (!isScalar(key) || !dropped.includes(String(key.value))) continue;
      if (expect.flow || !key.range || !value?.range) structural = true;
      else lines.push({ from: lineStart(model.text, key.range[0]), to: lineEnd(model.text, value.range[1] - 1) });
    }
    for (const n of dropped) doc.deleteIn(['expect', n]);
    if (expect.items.length === 0) {
      const keyNode =
        doc.contents && isMap(doc.contents)
          ? (doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'expect')?.key as Node | undefined)
          : undefined;
      if (!structural && keyNode?.range && lines.length) {
        emptyExpect = { from: lineStart(model.text, keyNode.range[0]), to: Math.max(...lines.map((l) => l.to)) };
      } else {
        structural = true;
      }
    } else {
      for (const l of lines) splices.push({ start: l.from, end: l.to, text: '' });
    }
  }

  let text: string;
  if (structural) {
    const left = doc.get('expect', true);
    if (isMap(left) && !left.items.length) left.flow = true;
    text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  } else {
    if (emptyExpect)
      splices.push({
        start: emptyExpect.from,
        end: emptyExpect.to,
        text: 'expect: {}  # the published figures were for the original assumptions\n',
      });
    text = applySplices(model.text, splices);
  }
  if (options.header?.length) text = withHeader(text, options.header);
  return verify(model, whatIf.value, text);
}

/** The saved text must compile and give every what-if value, or it is not saved. */
function verify(model: Model, whatIf: WhatIf, text: string): Result<string> {
  const compiled = compileWithParents(text, model);
  if (!compiled.ok)
    return fail(
      ...compiled.diagnostics.map((d) => ({ ...d, message: `the edited scenario does not compile: ${d.message}` })),
    );
  const values = evaluateModel(compiled.value);
  if (!values.ok) return values;
  for (const f of model.figures) {
    const g = compiled.value.byName.get(f.name);
    if (!g || delta(whatIf.values[f.index]!, values.value[g.index]!) !== 0) {
      return fail({
        code: 'bad-override',
        message: `the edited scenario gives another value for \`${f.name}\`; nothing was saved`,
      });
    }
  }
  return ok(text);
}

/** The edited text, with the files the scenario extends as they were read (they compiled then). */
function compileWithParents(text: string, model: Model): Result<Model> {
  const parsed = [text, ...model.sources.slice(1)].map((s) =>
    typeof s === 'string' ? parseScenarioSource(s) : parseScenarioSource(s.text, s.file),
  );
  const failed = parsed.find((p) => !p.ok);
  if (failed && !failed.ok) return failed;
  return compileChain(
    parsed.flatMap((p) => (p.ok ? [p.value] : [])),
    { name: model.name },
  );
}

/** A string as YAML source: plain where that reads back the same in block and flow context, else double-quoted. */
function scalarSource(value: string): string {
  return /^[A-Za-z0-9$.(][A-Za-z0-9 ./%$^*·_()+-]*$/.test(value) && !/ $/.test(value) ? value : JSON.stringify(value);
}

function applySplices(text: string, splices: Splice[]): string {
  let out = text;
  for (const s of [...splices].sort((a, b) => b.start - a.start))
    out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

/**
 * Splices that cut `keys` out of a mapping as written: a line each in a block
 * mapping, `, key: value` in a flow one. Undefined when the text cannot be
 * cut cleanly; the caller then rewrites the document.
 */
function keyRemovals(map: YAMLMap, keys: readonly string[], text: string): Splice[] | undefined {
  const out: Splice[] = [];
  for (const [i, pair] of map.items.entries()) {
    const key = pair.key as Node | null;
    const value = pair.value as Node | null;
    if (!isScalar(key) || !keys.includes(String(key.value))) continue;
    if (!key.range || !value?.range) return undefined;
    if (!map.flow) {
      out.push({ start: lineStart(text, key.range[0]), end: lineEnd(text, value.range[1] - 1), text: '' });
      continue;
    }
    // In `{ value: 3, origin: default }`, the comma before the pair goes with it.
    const before = (map.items[i - 1]?.value ?? null) as Node | null;
    if (!before?.range) return undefined;
    out.push({ start: before.range[1], end: value.range[1], text: '' });
  }
  const sorted = [...out].sort((a, b) => a.start - b.start);
  return sorted.every((s, i) => i === 0 || s.start >= sorted[i - 1]!.end) ? out : undefined;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** Just past the newline that ends the line holding `at`. */
function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

/** Puts comment lines after the leading comment lines (a yaml-language-server modeline stays first). */
function withHeader(text: string, header: string[]): string {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.startsWith('#')) i++;
  lines.splice(i, 0, ...header.map((h) => `# ${h}`.trimEnd()));
  return lines.join('\n');
}
