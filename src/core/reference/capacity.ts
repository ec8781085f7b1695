import { searchRows } from './search.js';

/**
 * One default of `bote ref capacity`: what a scenario assumes when its source
 * states nothing (`origin: default, ref: T1`). Every row comes from
 * research/capacity-and-shortcuts.md, which quotes each source.
 */
export interface CapacityRow {
  /** The research note's ID: T throughput, H hardware, M rule of thumb, P price. */
  id: string;
  /** What the figure is, as a search finds it. */
  name: string;
  /** The default, a quantity bote reads: `1000 req/s/server`. */
  value: string;
  /** Where sources differ: the span they give, with what lies behind it. Not a second default. */
  range?: { low: string; high: string; note: string };
  /** A word on the figure that is no range: a hard limit, what the price covers. */
  note?: string;
  source: string;
  /** The date of the figure or of the price list; `undated` when the source gives none. */
  date: string;
  /** Prices: who charges it, and where. */
  provider?: string;
  region?: string;
  keywords?: readonly string[];
}

const SYSTEMOVERFLOW =
  'systemoverflow.com/learn/design-fundamentals/back-of-envelope/capacity-sizing-and-latency-budgeting-across-system-tiers';
const THESYSTEMROUND = 'thesystemround.com/learn/numbers-to-know';
const LEETDEZINE = 'leetdezine.com/02-Back-of-Envelope-Estimation/02-Database-Numbers/';

export const CAPACITY: readonly CapacityRow[] = [
  {
    id: 'T1',
    name: 'Stateless app/API server: requests per second',
    value: '1000 req/s/server',
    range: {
      low: '200 req/s/server',
      high: '10000 req/s/server',
      note: 'most guides say 1,000 to 10,000; 200 to 800 on 2 vCPU with database calls; about 100,000 trivial requests is a ceiling',
    },
    source: `${SYSTEMOVERFLOW}; ${THESYSTEMROUND}`,
    date: 'undated',
    keywords: ['app', 'api', 'web', 'stateless', 'rps', 'qps', 'throughput'],
  },
  {
    id: 'T2',
    name: 'Static web server or proxy: requests per second',
    value: '50000 req/s/server',
    range: {
      low: '50000 req/s/server',
      high: '100000 req/s/server',
      note: 'nginx or Envoy as a reverse proxy, or serving static files',
    },
    source: `${SYSTEMOVERFLOW}; ${THESYSTEMROUND}`,
    date: 'undated',
    keywords: ['nginx', 'envoy', 'proxy', 'load', 'balancer', 'rps'],
  },
  {
    id: 'T3',
    name: 'Redis node, no pipelining: operations per second',
    value: '100000 req/s/server',
    range: {
      low: '80000 req/s/server',
      high: '300000 req/s/server',
      note: '81,000 GETs and 110,000 SETs a second on 2011 hardware; guides say 100,000 to 300,000; pipelined, 310,000 to 863,000',
    },
    source:
      'Redis 2.2 docs, raw.githubusercontent.com/antirez/redis/2.2.14/doc/Benchmarks.html; guides: thesystemround, leetdezine',
    date: '2011 (Redis 2.2); guides undated',
    keywords: ['redis', 'cache', 'ops', 'key', 'value'],
  },
  {
    id: 'T4',
    name: 'Memcached node: operations per second',
    value: '100000 req/s/server',
    range: {
      low: '100000 req/s/server',
      high: '530000 req/s/server',
      note: '530,000 a second with 100-byte items on one 2009 server, out of the box: a ceiling',
    },
    source: 'highscalability.com/blog/2009/5/20/scaling-memcached-500000-operationssecond-with-a-single-sock.html',
    date: '2009-05-19',
    keywords: ['memcached', 'cache', 'ops'],
  },
  {
    id: 'T5',
    name: 'Relational DB primary: indexed reads per second',
    value: '10000 req/s/server',
    range: {
      low: '1000 req/s/server',
      high: '50000 req/s/server',
      note: '10,000 to 50,000 simple reads; joins bring it down to 1,000 to 5,000',
    },
    source: `${SYSTEMOVERFLOW}; ${LEETDEZINE}; anandu.xyz/notes/system-design-capacity-cheat-sheet/`,
    date: 'undated',
    keywords: ['mysql', 'postgresql', 'postgres', 'sql', 'rdbms', 'relational', 'database', 'read', 'reads'],
  },
  {
    id: 'T6',
    name: 'Relational DB primary: durable writes per second',
    value: '1000 req/s/server',
    range: {
      low: '500 req/s/server',
      high: '10000 req/s/server',
      note: 'most say 1,000 to 10,000, all say 500 to 50,000; with fsync on, 1,000 to 5,000',
    },
    source: `${SYSTEMOVERFLOW}; yiwei.us/posts/20260505-basic-machine-numbers/; ${LEETDEZINE}`,
    date: '2026-05-05 (yiwei.us); the rest undated',
    keywords: ['mysql', 'postgresql', 'postgres', 'sql', 'rdbms', 'relational', 'database', 'write', 'writes'],
  },
  {
    id: 'T7',
    name: 'DynamoDB partition: writes per second',
    value: '1000 req/s/shard',
    note: 'a hard limit per partition: 1,000 writes (WCU, up to 1 KB each) or 3,000 reads (RCU, up to 4 KB) a second',
    source: 'repost.aws/knowledge-center/dynamodb-spiky-workloads-short-intervals',
    date: 'undated (current AWS docs)',
    keywords: ['dynamodb', 'dynamo', 'wcu', 'rcu', 'partition', 'key', 'value', 'aws'],
  },
  {
    id: 'T8',
    name: 'Cassandra node: writes per second',
    value: '10000 req/s/server',
    range: {
      low: '5000 req/s/server',
      high: '70000 req/s/server',
      note: 'guides only, no first-party figure: 10,000 to 50,000 most often',
    },
    source: `${THESYSTEMROUND}; yiwei.us/posts/20260505-basic-machine-numbers/; leadtechinterview.github.io`,
    date: 'undated; yiwei.us 2026-05-05',
    keywords: ['cassandra', 'wide', 'column', 'nosql', 'write', 'writes'],
  },
  {
    id: 'T9',
    name: 'Kafka broker: throughput',
    value: '75 MB/s/server',
    range: {
      low: '40 MB/s/server',
      high: '750 MB/s/server',
      note: '75 MB/s with 3x asynchronous replication on 2014 machines, bounded by their 1 GbE network; managed brokers 40 to 750 MB/s',
    },
    source:
      'J. Kreps, "Benchmarking Apache Kafka: 2 Million Writes Per Second (On Three Cheap Machines)", LinkedIn Engineering',
    date: '2014',
    keywords: ['kafka', 'broker', 'queue', 'stream', 'log'],
  },
  {
    id: 'T10',
    name: 'WebSocket gateway: connections per server',
    value: '100000 user/server',
    range: {
      low: '100000 user/server',
      high: '3000000 user/server',
      note: "a guide's 100,000; tuned Erlang servers held 2 to 3 million (WhatsApp, 2015)",
    },
    source:
      'learn.ikshitij.com/00-fundamentals/capacity-planning/detailed/; freebsdfoundation.org/testimonial/whatsapp/',
    date: 'undated; 2015-12-28 (WhatsApp)',
    keywords: ['websocket', 'ws', 'chat', 'concurrent', 'connection', 'connections', 'gateway', 'socket', 'push'],
  },
  {
    id: 'H6',
    name: 'Network per server',
    value: '1 Gbps/server',
    range: {
      low: '1 Gbps/server',
      high: '10 Gbps/server',
      note: '1 Gbps is 125 MB/s raw (the primer rounds to 100 MB/s); 10 GbE gives about 8 Gbps usable',
    },
    source: 'donnemartin/system-design-primer README (latency numbers); learn.ikshitij.com',
    date: 'undated',
    keywords: ['nic', 'network', 'bandwidth', 'ethernet', 'gbe'],
  },
  {
    id: 'H8',
    name: 'Memory per cache node',
    value: '13 GB/shard',
    range: {
      low: '6.38 GiB/shard',
      high: '25 GB/shard',
      note: 'cache.r6g.large about 13 GB, cache.m5/m6g/m7g.large 6.38 GiB; guides: up to about 25 GB a Redis instance, budget 2x the raw data',
    },
    source:
      'dragonflydb.io/finops/elasticache (instance table); Amazon Web Services in Action, 3rd ed. (cache.r6g.large)',
    date: 'undated',
    keywords: ['memory', 'ram', 'cache', 'node', 'redis', 'elasticache'],
  },
  {
    id: 'H9',
    name: 'Disk per storage or database node',
    value: '1 TB/shard',
    range: {
      low: '500 GB/shard',
      high: '10 TB/shard',
      note: 'shard at about 500 GB to 1 TB a node; about 10 TB on one machine before operations get painful',
    },
    source: `${LEETDEZINE}; ${THESYSTEMROUND}; leadtechinterview.github.io`,
    date: 'undated',
    keywords: ['disk', 'storage', 'database', 'db', 'node', 'shard', 'ssd'],
  },
  {
    id: 'M7',
    name: 'Read:write ratio',
    value: '100',
    range: {
      low: '10',
      high: '1000',
      note: 'reads "can heavily outnumber writes 100:1 or even 1000:1"; social 100:1, a pastebin 10:1',
    },
    source: 'donnemartin/system-design-primer README; system-design-calculator.com',
    date: 'undated',
    keywords: ['read', 'write', 'ratio', 'reads', 'writes'],
  },
  {
    id: 'M8',
    name: "80/20 rule: cache share of a day's reads",
    value: '20%',
    note: "80% of the requests are for 20% of the data, so cache about 20% of a day's reads",
    source: 'karanpratapsingh/system-design README; system-design-calculator.com',
    date: 'undated',
    keywords: ['80', '20', 'cache', 'hot', 'set', 'pareto'],
  },
  {
    id: 'M9',
    name: 'Peak factor: peak traffic over the daily average',
    value: '2',
    range: {
      low: '2',
      high: '10',
      note: '2 in System Design Interview ch. 2; 2 to 3 for web traffic, 5 to 10 when spiky',
    },
    source: 'Alex Xu, System Design Interview, ch. 2; system-design-calculator.com; bytelearn.dev',
    date: 'undated',
    keywords: ['peak', 'factor', 'spike', 'burst'],
  },
  {
    id: 'M10',
    name: 'Replication: copies of stored data',
    value: '3x',
    note: 'three copies, as HDFS keeps by default',
    source: 'AWS DataSync HDFS docs ("By default, data is replicated to three DataNodes"); thesimplifiedtech.com',
    date: 'current docs',
    keywords: ['replication', 'replicas', 'copies', 'durability'],
  },
  {
    id: 'P1',
    name: 'Object storage price: S3 Standard, per GB-month',
    value: '$0.023/GB-month',
    range: {
      low: '$0.021/GB-month',
      high: '$0.023/GB-month',
      note: 'the first 50 TB; $0.022 the next 450 TB, $0.021 beyond 500 TB; unchanged since at least 2022',
    },
    provider: 'AWS',
    region: 'US East (N. Virginia)',
    source: 'brain.joaof.eu/Brain/Tools/AWS; gist.github.com/EverettBerry/a37438006529a55f42da6fdbc44a505c',
    date: '2022-07-07',
    keywords: ['s3', 'object', 'storage', 'blob', 'price', 'cost'],
  },
  {
    id: 'P4',
    name: 'Internet egress price: AWS, per GB',
    value: '$0.09/GB',
    range: {
      low: '$0.05/GB',
      high: '$0.09/GB',
      note: 'up to 10 TB a month, after 100 GB free; $0.085 the next 40 TB, $0.07 the next 100 TB, $0.05 beyond 150 TB',
    },
    provider: 'AWS',
    region: 'US regions',
    source: 'wring.co/blog/aws-data-transfer-pricing-guide; finopsforge.com/reduce-aws-data-transfer-costs',
    date: '2026',
    keywords: ['egress', 'transfer', 'bandwidth', 'internet', 'price', 'cost'],
  },
  {
    id: 'P6',
    name: 'CDN price: CloudFront, per GB',
    value: '$0.085/GB',
    range: {
      low: '$0.020/GB',
      high: '$0.085/GB',
      note: 'the first 10 TB a month (1 TB free); $0.080 the next 40 TB, $0.060 the next 100 TB, $0.040 the next 350 TB, $0.030 the next 524 TB, $0.025 the next 4 PB, $0.020 beyond 5 PB',
    },
    provider: 'AWS CloudFront',
    region: 'United States, Mexico and Canada',
    source: 'aws.amazon.com/cloudfront/pricing; confirmed at smallestbusiness.com/compare/cloudfront-egress-cost/',
    date: '2026-06-15',
    keywords: ['cdn', 'cloudfront', 'edge', 'egress', 'price', 'cost'],
  },
  {
    id: 'P7',
    name: 'General-purpose instance price: m7g.large, per hour',
    value: '$0.0816/server-hour',
    note: 'Graviton, 2 vCPU, 8 GiB, Linux on demand; a month is 730 hours',
    provider: 'AWS EC2',
    region: 'us-east-1',
    source: 'factualminds.com/blog/amazon-ec2-on-demand-pricing-instance-families-2026/',
    date: '2026-06-17',
    keywords: ['instance', 'ec2', 'vm', 'server', 'compute', 'hourly', 'price', 'cost'],
  },
];

/** A row by its ID (`T1`, `t1`), or undefined. */
export function capacityRow(id: string): CapacityRow | undefined {
  const wanted = id.trim().toUpperCase();
  return CAPACITY.find((r) => r.id === wanted);
}

/** An ID names one row; words find rows as `bote ref latency` does. */
export function findCapacity(query: string): { matches: CapacityRow[]; suggestions: string[] } {
  const row = capacityRow(query);
  return row ? { matches: [row], suggestions: [] } : searchRows(CAPACITY, query);
}
