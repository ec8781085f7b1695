/** The tables of `bote ref`, in the order help and completion list them. */
export const REFERENCE_TABLES = ['latency', 'availability', 'powers', 'capacity'] as const;

/** What each table holds, as `bote ref` with no table lists them. */
export const REFERENCE_SUMMARIES: Readonly<Record<(typeof REFERENCE_TABLES)[number], string>> = {
  latency: 'latency numbers every programmer should know, with a log-scale bar',
  availability: 'downtime per day, week, month and year of an availability target',
  powers: 'powers of two, KiB next to KB; the shortcuts of mental math',
  capacity: 'the defaults scenarios cite: req/s per server, node sizes, prices',
};
