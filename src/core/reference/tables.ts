/** The tables of `bote ref`, in the order help and completion list them. */
export const REFERENCE_TABLES = ['latency', 'availability', 'powers', 'capacity'] as const;
