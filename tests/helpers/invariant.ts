import { stackTraceLines } from './run-bote.js';

/**
 * What every run of bote must hold, whatever it was given (the property test
 * in tests/property/invariant.test.ts and `npm run fuzz` check it):
 * - the exit code is 0, 1 or 2; never a stack trace nor "internal error";
 * - on 0, every number printed is finite: no NaN or Infinity in the text,
 *   and in JSON no null where a number belongs (JSON.stringify turns NaN
 *   and Infinity into null);
 * - on 1, an error (notes may come before it): each error says where
 *   (file:line:col, or the flag or input it is about), and none is said
 *   twice. A file with several mistakes has an error for each.
 * Returns what broke, or undefined.
 */
export function brokenInvariant(
  args: readonly string[],
  r: { code: number; stdout: string; stderr: string },
): string | undefined {
  if (![0, 1, 2].includes(r.code)) return `exit code ${r.code}`;
  if (stackTraceLines(r.stderr).length || /internal error/.test(r.stderr + r.stdout)) return 'a stack trace';
  if (r.code === 0) {
    if (/\b(NaN|Infinity)\b/.test(r.stdout)) return 'NaN or Infinity printed';
    const json = args.includes('--json') || args.join(' ').includes('--format json');
    if (json) {
      let doc: unknown;
      try {
        doc = JSON.parse(r.stdout);
      } catch {
        return 'JSON that does not parse';
      }
      const where = nullNumber(doc, '');
      if (where) return `null in place of a number at ${where}`;
    }
    return undefined;
  }
  if (r.code === 1) {
    // check reports each scenario's errors within its report, on stdout.
    const errors = (args[0] === 'check' ? r.stdout : r.stderr).split('\n').filter((l) => /(^|\s)error: /.test(l));
    // and exits 1 on a published figure that does not agree, which is no error.
    if (args[0] === 'check' && !errors.length && /✗|failed/.test(r.stdout)) return undefined;
    if (!errors.length) return 'exit 1 without an error';
    if (new Set(errors).size !== errors.length) return 'an error said twice';
    const unplaced = errors.find((l) => !PLACED.some((p) => p.test(l)));
    if (unplaced) return `an error without a place: ${unplaced}`;
  }
  return undefined;
}

/** An error with its place: in a file, or about a named flag, argument or input. */
const PLACED = [
  /^\S.*:\d+:\d+: error: /,
  /^bote: error: (--|<stdin>|Monte Carlo: |sweep: |calc: |no scenario|cannot (read|list|write) )/,
  /^bote: error: with \S+ at its (low|high) end: --set /,
  /^bote: error: \S+\.ya?ml[:\s]/,
  /^bote: error: `[^`]+` is (not a figure|an assumption of)/,
];

/** Keys of a JSON document that may be null: text that is absent, places that are none. */
const MAY_BE_NULL = new Set([
  'source',
  'hint',
  'file',
  'line',
  'column',
  'endLine',
  'endColumn',
  'note',
  'ref',
  'origin',
  'erratum',
  'variance',
]);

function nullNumber(x: unknown, path: string): string | undefined {
  if (x === null) return MAY_BE_NULL.has(path.split('.').pop() ?? '') ? undefined : path || '(the document)';
  if (Array.isArray(x)) {
    for (const [i, v] of x.entries()) {
      const found = nullNumber(v, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (typeof x === 'object') {
    for (const [k, v] of Object.entries(x as object)) {
      const found = nullNumber(v, path ? `${path}.${k}` : k);
      if (found) return found;
    }
  }
  return undefined;
}
