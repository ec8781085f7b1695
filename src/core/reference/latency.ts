import { distance } from '../suggest.js';

export interface LatencyRow {
  name: string;
  /** The time in seconds, as the sources print it (0.5 ns is 5e-10). */
  seconds: number;
  /** Where the figure is printed; a row both sources print names both. */
  source: string;
  /** Words a reader may type that the name does not contain ("ram", "snappy", "rtt"). */
  keywords?: readonly string[];
}

const BOOK = 'seeds/004 ch. 2';
const BOTH = 'seeds/004 ch. 2; seeds/000 ch. 3';

/**
 * "Latency numbers every programmer should know" as System Design Interview
 * prints them (after Jeff Dean's list); seeds/000 repeats eight of them.
 */
export const LATENCY_NUMBERS: readonly LatencyRow[] = [
  { name: 'L1 cache reference', seconds: 0.5e-9, source: BOTH, keywords: ['cpu'] },
  { name: 'Branch mispredict', seconds: 5e-9, source: BOOK, keywords: ['misprediction', 'cpu'] },
  { name: 'L2 cache reference', seconds: 7e-9, source: BOTH, keywords: ['cpu'] },
  { name: 'Mutex lock/unlock', seconds: 100e-9, source: BOOK, keywords: ['locking'] },
  { name: 'Main memory reference', seconds: 100e-9, source: BOTH, keywords: ['ram', 'dram'] },
  { name: 'Compress 1K bytes with Zippy', seconds: 10e-6, source: BOTH, keywords: ['kb', 'snappy', 'compression'] },
  { name: 'Send 2K bytes over 1 Gbps network', seconds: 20e-6, source: BOOK, keywords: ['kb'] },
  { name: 'Read 1 MB sequentially from memory', seconds: 250e-6, source: BOOK, keywords: ['ram'] },
  { name: 'Round trip within the same datacenter', seconds: 500e-6, source: BOOK, keywords: ['rtt', 'data', 'center', 'dc'] },
  { name: 'Disk seek', seconds: 10e-3, source: BOTH, keywords: ['hdd'] },
  { name: 'Read 1 MB sequentially from the network', seconds: 10e-3, source: BOTH },
  { name: 'Read 1 MB sequentially from disk', seconds: 30e-3, source: BOTH, keywords: ['hdd'] },
  { name: 'Send packet CA to Netherlands to CA', seconds: 150e-3, source: BOTH, keywords: ['california', 'round', 'trip', 'rtt', 'europe', 'transatlantic'] },
];

// Words that join a name's parts; matching them would tie every "read ... from ..." row.
const STOP_WORDS = new Set(['a', 'an', 'the', 'from', 'to', 'with', 'over', 'within', 'of', 'in', 'and', 'same']);

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

export interface LatencyMatch {
  row: LatencyRow;
  /** The share of the query's words the row matches, 0 to 1. */
  score: number;
  /** The share of the row's name the query covers: breaks ties toward the shorter name. */
  coverage: number;
}

function scoreRow(typed: string[], row: LatencyRow): LatencyMatch {
  const own = words(row.name);
  const vocabulary = [...own, ...(row.keywords ?? [])];
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
  const coverage = own.filter((w) => covered.has(w)).length / own.length;
  return { row, score: typed.length ? matched / typed.length : 0, coverage };
}

const EPSILON = 1e-9;

/**
 * The rows a query names, words in any order: those with the best share of
 * the query's words matched (more than half), then the best share of their
 * own name covered. Several rows only when they tie ("1 MB" is three reads).
 * `suggestions` are the closest names when nothing matches.
 */
export function findLatency(query: string): { matches: LatencyRow[]; suggestions: string[] } {
  const typed = words(query);
  const scored = LATENCY_NUMBERS.map((row) => scoreRow(typed, row));
  const top = Math.max(...scored.map((s) => s.score));
  if (top > 0.5) {
    const best = scored.filter((s) => s.score > top - EPSILON);
    const cover = Math.max(...best.map((s) => s.coverage));
    return { matches: best.filter((s) => s.coverage > cover - EPSILON).map((s) => s.row), suggestions: [] };
  }
  const ranked = [...scored].sort((a, b) => b.score - a.score || characterDistance(query, a.row) - characterDistance(query, b.row));
  return { matches: [], suggestions: ranked.slice(0, 3).map((s) => s.row.name) };
}

/** For ranking suggestions when no word matched at all: the plain edit distance of the whole text. */
function characterDistance(query: string, row: LatencyRow): number {
  return distance(query.toLowerCase(), row.name.toLowerCase());
}
