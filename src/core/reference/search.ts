import { distance } from '../suggest.js';

/** A row a query can find: its name, and words a reader may type that the name does not contain. */
export interface Searchable {
  name: string;
  keywords?: readonly string[];
}

// Words that join a name's parts; matching them would tie every "read ... from ..." row.
const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'from',
  'to',
  'with',
  'over',
  'within',
  'of',
  'in',
  'and',
  'same',
  'per',
]);

/** Lower-case words, with a number split from its unit ("1MB" is "1 mb") so either spelling matches. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/(\d)([a-z])/g, '$1 $2')
    .split(/[^a-z0-9.]+/)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w && !STOP_WORDS.has(w));
}

/** How well one typed word fits one word of a row: exact 1, a prefix or a typo less. */
function wordScore(typed: string, word: string): number {
  if (typed === word) return 1;
  if (typed.length >= 3 && word.startsWith(typed)) return 0.9;
  // Numbers must agree exactly: "2 KB" is not "1 KB".
  if (/\d/.test(typed)) return 0;
  const allowed = typed.length >= 8 ? 2 : typed.length >= 4 ? 1 : 0;
  return allowed && distance(typed, word) <= allowed ? 0.8 : 0;
}

interface Scored<T> {
  row: T;
  /** The share of the query's words the row matches, 0 to 1. */
  score: number;
  /** The share of the row's name the query covers: breaks ties toward the shorter name. */
  coverage: number;
}

function scoreRow<T extends Searchable>(typed: string[], row: T): Scored<T> {
  const own = words(row.name);
  const vocabulary = [...own, ...(row.keywords ?? []).flatMap(words)];
  let matched = 0;
  const covered = new Set<string>();
  for (const t of typed) {
    let best = 0;
    let bestWord = '';
    for (const w of vocabulary) {
      const s = wordScore(t, w);
      if (s > best) [best, bestWord] = [s, w];
    }
    matched += best;
    if (best > 0) covered.add(bestWord);
  }
  const coverage = own.length ? own.filter((w) => covered.has(w)).length / own.length : 0;
  return { row, score: typed.length ? matched / typed.length : 0, coverage };
}

const EPSILON = 1e-9;

/**
 * The rows a query names, words in any order: those with the best share of
 * the query's words matched (more than half), then the best share of their
 * own name covered. Several rows only when they tie. `suggestions` are the
 * closest names when nothing matches.
 */
export function searchRows<T extends Searchable>(
  rows: readonly T[],
  query: string,
): { matches: T[]; suggestions: string[] } {
  const typed = words(query);
  const scored = rows.map((row) => scoreRow(typed, row));
  const top = Math.max(...scored.map((s) => s.score));
  if (top > 0.5) {
    const best = scored.filter((s) => s.score > top - EPSILON);
    const cover = Math.max(...best.map((s) => s.coverage));
    return { matches: best.filter((s) => s.coverage > cover - EPSILON).map((s) => s.row), suggestions: [] };
  }
  // When no word matched at all, the plain edit distance of the whole text ranks them.
  const whole = (r: T) => distance(query.toLowerCase(), r.name.toLowerCase());
  const ranked = [...scored].sort((a, b) => b.score - a.score || whole(a.row) - whole(b.row));
  return { matches: [], suggestions: ranked.slice(0, 3).map((s) => s.row.name) };
}
