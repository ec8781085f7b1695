import { searchRows } from './search.js';

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
// The book leaves out the SSD rows of Dean and Norvig's list; the system design primer prints them.
const PRIMER = 'system-design-primer README (Dean/Norvig, ~2012, gist.github.com/jboner/2841832)';

/**
 * "Latency numbers every programmer should know" as System Design Interview
 * prints them (after Jeff Dean's list); seeds/000 repeats eight of them. The
 * two SSD rows, which the book omits, are the same list's as the system
 * design primer prints it.
 */
export const LATENCY_NUMBERS: readonly LatencyRow[] = [
  { name: 'L1 cache reference', seconds: 0.5e-9, source: BOTH, keywords: ['cpu'] },
  { name: 'Branch mispredict', seconds: 5e-9, source: BOOK, keywords: ['misprediction', 'cpu'] },
  { name: 'L2 cache reference', seconds: 7e-9, source: BOTH, keywords: ['cpu'] },
  { name: 'Mutex lock/unlock', seconds: 100e-9, source: BOOK, keywords: ['locking'] },
  { name: 'Main memory reference', seconds: 100e-9, source: BOTH, keywords: ['ram', 'dram'] },
  { name: 'Compress 1K bytes with Zippy', seconds: 10e-6, source: BOTH, keywords: ['kb', 'snappy', 'compression'] },
  { name: 'Send 2K bytes over 1 Gbps network', seconds: 20e-6, source: BOOK, keywords: ['kb'] },
  { name: 'Read 4 KB randomly from SSD', seconds: 150e-6, source: PRIMER, keywords: ['random', 'flash', 'kb'] },
  { name: 'Read 1 MB sequentially from memory', seconds: 250e-6, source: BOOK, keywords: ['ram'] },
  {
    name: 'Round trip within the same datacenter',
    seconds: 500e-6,
    source: BOOK,
    keywords: ['rtt', 'data', 'center', 'dc'],
  },
  { name: 'Read 1 MB sequentially from SSD', seconds: 1e-3, source: PRIMER, keywords: ['flash'] },
  { name: 'Disk seek', seconds: 10e-3, source: BOTH, keywords: ['hdd'] },
  { name: 'Read 1 MB sequentially from the network', seconds: 10e-3, source: BOTH },
  { name: 'Read 1 MB sequentially from disk', seconds: 30e-3, source: BOTH, keywords: ['hdd'] },
  {
    name: 'Send packet CA to Netherlands to CA',
    seconds: 150e-3,
    source: BOTH,
    keywords: ['california', 'round', 'trip', 'rtt', 'europe', 'transatlantic'],
  },
];

/**
 * The rows a query names, words in any order (see searchRows): several only
 * when they tie ("1 MB" is three reads); `suggestions` when nothing matches.
 */
export function findLatency(query: string): { matches: LatencyRow[]; suggestions: string[] } {
  return searchRows(LATENCY_NUMBERS, query);
}
