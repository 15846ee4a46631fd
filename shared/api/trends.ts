// CONTRACT READY
import { z } from 'zod';
import { Channel, Instant, Language, MentionRow, SentimentLabel } from '../domain/mention';
import { JobInfo } from './events';
import { UploadId } from './imports';
import { command, Empty, query } from './spec';

/**
 * Methods of trends (DESIGN §8): long-term panels fed by rollups, annotations, external signals,
 * and the rollups' own verify/rebuild. Merged into contract.ts.
 *
 * Every panel takes the same range input; time panels answer with `buckets` (the x axis) and
 * series of the same length. Click-through: a bucket's `[start, end)` plus a series' `inbox`
 * filter is exactly the `mentions.list` filter of the mentions counted there
 * (see `inboxFilterFor` in shared/trends/inbox.ts); non-inbox drill-downs (a term, a municipality,
 * an hour-of-week cell) go through `trends.drill`.
 */

/** Time buckets a panel can use; day, week (ISO, Monday) and month are local days in Europe/Amsterdam. */
export const GRANULARITIES = ['hour', 'day', 'week', 'month'] as const;
export const Granularity = z.enum(GRANULARITIES);
export type Granularity = z.infer<typeof Granularity>;

/** The time zone buckets and the hour-of-week heatmap use. */
export const TRENDS_TIME_ZONE = 'Europe/Amsterdam';

export const CompareMode = z.enum(['previous', 'lastYear']);
export type CompareMode = z.infer<typeof CompareMode>;

/** Filters every panel accepts; an empty list means "all". Topics: tagged with any of them. */
export const TrendFilter = z
  .object({
    topicId: z.array(z.number().int().positive()).default([]),
    channel: z.array(Channel).default([]),
    lang: z.array(Language).default([]),
  })
  .strict();
export type TrendFilter = z.infer<typeof TrendFilter>;

/** The input every panel shares. `to` is exclusive. Without granularity the engine picks one (≤ ~1,000 points). */
export const TrendRange = z
  .object({
    from: Instant,
    to: Instant,
    granularity: Granularity.optional(),
    compare: CompareMode.optional(),
    filter: TrendFilter.default({ topicId: [], channel: [], lang: [] }),
  })
  .strict();
export type TrendRange = z.input<typeof TrendRange>;

/**
 * The `mentions.list` filter (agreed with the inbox) of a series, without its time range:
 * add a bucket's `from`/`to` to get the filter of one point. Empty lists are left out.
 */
export const InboxFilter = z.object({
  from: Instant.optional(),
  to: Instant.optional(),
  channel: z.array(Channel).optional(),
  lang: z.array(Language).optional(),
  sentiment: z.array(SentimentLabel).optional(),
  topicId: z.array(z.number().int()).optional(),
});
export type InboxFilter = z.infer<typeof InboxFilter>;

/** One point of the x axis: `[start, end)`, ISO instants (UTC). */
export const Bucket = z.object({ start: Instant, end: Instant });
export type Bucket = z.infer<typeof Bucket>;

/** A note on the time axis (campaign launched, incident), shown on every time panel and in reports. */
export const Annotation = z.object({
  id: z.number().int(),
  at: Instant,
  /** For a span (a campaign week); null for a moment. */
  endAt: Instant.nullable(),
  label: z.string(),
  operator: z.string(),
  createdAt: Instant,
});
export type Annotation = z.infer<typeof Annotation>;

/** An imported external series (weather, footfall, sound level, incidents) laid over a time panel. */
export const SignalOverlay = z.object({
  id: z.number().int(),
  name: z.string(),
  unit: z.string().nullable(),
  /** The signal's mean per bucket (null where it has no points), aligned with the panel's buckets. */
  values: z.array(z.number().nullable()),
  /** Pearson correlation between the signal and the panel's main measure over buckets where both exist. */
  correlation: z.number().nullable(),
  /** Buckets the correlation was computed over. */
  pairs: z.number().int(),
});
export type SignalOverlay = z.infer<typeof SignalOverlay>;

/** The period a comparison was read from, on its own axis (same number of buckets as the panel). */
export const ComparePeriod = z.object({ mode: CompareMode, from: Instant, to: Instant, buckets: z.array(Bucket) });

const TimeAxis = {
  granularity: Granularity,
  buckets: z.array(Bucket),
  annotations: z.array(Annotation),
  signal: SignalOverlay.nullable(),
};

/** Volume over time, stacked by channel or topic. */
export const VolumeInput = TrendRange.safeExtend({
  stackBy: z.enum(['channel', 'topic', 'none']).default('channel'),
  signalId: z.number().int().positive().optional(),
}).strict();
export const VolumeSeries = z.object({
  key: z.string(),
  /** Channel id, topic name, or "total". */
  label: z.string(),
  /** Topic colour when stacked by topic. */
  colour: z.string().nullable(),
  values: z.array(z.number().int()),
  inbox: InboxFilter,
});
export const VolumePanel = z.object({
  ...TimeAxis,
  /** By topic the stacks overlap (a mention can be in several topics); `total` counts each mention once. */
  series: z.array(VolumeSeries),
  total: z.array(z.number().int()),
  inbox: InboxFilter,
  compare: ComparePeriod.extend({ total: z.array(z.number().int()) }).nullable(),
});
export type VolumePanel = z.infer<typeof VolumePanel>;

/** Net sentiment ((pos − neg) / total) with volume behind it, and the sentiment mix. */
export const SentimentInput = TrendRange.safeExtend({ signalId: z.number().int().positive().optional() }).strict();
export const SentimentMix = z.object({
  positive: z.number().int(),
  neutral: z.number().int(),
  negative: z.number().int(),
  /** Mentions without a sentiment yet. */
  unscored: z.number().int(),
});
export const SentimentPanel = z.object({
  ...TimeAxis,
  positive: z.array(z.number().int()),
  neutral: z.array(z.number().int()),
  negative: z.array(z.number().int()),
  unscored: z.array(z.number().int()),
  total: z.array(z.number().int()),
  /** (positive − negative) / total, in −1..1; null for an empty bucket. */
  net: z.array(z.number().nullable()),
  mix: SentimentMix,
  /** Add `sentiment: [label]` and a bucket's range for one point. */
  inbox: InboxFilter,
  compare: ComparePeriod.extend({
    net: z.array(z.number().nullable()),
    total: z.array(z.number().int()),
    mix: SentimentMix,
  }).nullable(),
});
export type SentimentPanel = z.infer<typeof SentimentPanel>;

/** Share of voice between topics (filter.topicId picks the topics; empty = all topics). */
export const ShareOfVoiceTopic = z.object({
  topicId: z.number().int(),
  name: z.string(),
  colour: z.string(),
  total: z.number().int(),
  /** total / sum of all topics' totals (so shares add up to 1). */
  share: z.number(),
  previousTotal: z.number().int().nullable(),
  previousShare: z.number().nullable(),
  values: z.array(z.number().int()),
  inbox: InboxFilter,
});
export const ShareOfVoicePanel = z.object({
  ...TimeAxis,
  topics: z.array(ShareOfVoiceTopic),
  compare: ComparePeriod.nullable(),
});
export type ShareOfVoicePanel = z.infer<typeof ShareOfVoicePanel>;

/** Rising and falling terms and hashtags: this period against the one before (or last year). */
export const TermsInput = TrendRange.safeExtend({
  kind: z.enum(['all', 'hashtag', 'word']).default('all'),
  limit: z.number().int().min(1).max(100).default(20),
}).strict();
export const TermChange = z.object({
  term: z.string(),
  kind: z.enum(['hashtag', 'word']),
  count: z.number().int(),
  previous: z.number().int(),
  /** count − previous */
  delta: z.number().int(),
  /** count / previous − 1; null when previous is 0 (new). */
  change: z.number().nullable(),
});
export type TermChange = z.infer<typeof TermChange>;
export const TermsPanel = z.object({
  from: Instant,
  to: Instant,
  previousFrom: Instant,
  previousTo: Instant,
  rising: z.array(TermChange),
  falling: z.array(TermChange),
  /** True when the answer came from a sample of the raw mentions (filters set) instead of the term rollup. */
  sampled: z.boolean(),
  /** Newest mentions the term rollup has not counted yet (indexed by a job shortly after they arrive). */
  pending: z.number().int(),
});
export type TermsPanel = z.infer<typeof TermsPanel>;

/** Hour-of-week heatmap in Europe/Amsterdam local time. */
export const HeatmapPanel = z.object({
  timeZone: z.string(),
  /** 7 rows (0 = Monday) × 24 hours. */
  cells: z.array(z.array(z.number().int())),
  max: z.number().int(),
  total: z.number().int(),
  compare: ComparePeriod.omit({ buckets: true })
    .extend({ cells: z.array(z.array(z.number().int())) })
    .nullable(),
});
export type HeatmapPanel = z.infer<typeof HeatmapPanel>;

export const MapRegion = z.enum(['brabant', 'nl']);
export type MapRegion = z.infer<typeof MapRegion>;
export const MapInput = TrendRange.safeExtend({ region: MapRegion.default('brabant') }).strict();
export const MapArea = z.object({
  /** CBS municipality code, e.g. GM0855. */
  code: z.string(),
  name: z.string(),
  count: z.number().int(),
  positive: z.number().int(),
  negative: z.number().int(),
  net: z.number().nullable(),
});
export const MapPanel = z.object({
  region: MapRegion,
  /** Every municipality of the region, also those without mentions. */
  areas: z.array(MapArea),
  placed: z.number().int(),
  /** Mentions in range (and filter) that could not be placed in any municipality. */
  unplaced: z.number().int(),
  /** Newest mentions not looked at yet by the placing job (counted as unplaced until then). */
  pending: z.number().int(),
  compare: ComparePeriod.omit({ buckets: true })
    .extend({ areas: z.array(MapArea.pick({ code: true, count: true, net: true })) })
    .nullable(),
});
export type MapPanel = z.infer<typeof MapPanel>;

/** Municipality boundaries of a region as GeoJSON (for echarts.registerMap), with where they come from. */
export const Boundaries = z.object({
  region: MapRegion,
  /** A GeoJSON FeatureCollection; each feature's properties carry `code` and `name`. */
  geojson: z.unknown(),
  source: z.string(),
  licence: z.string(),
});

/** What boundaries are imported (null: none yet, the map is unavailable until they are). */
export const BoundariesInfo = z.object({
  municipalities: z.number().int(),
  /** Municipalities in Noord-Brabant (province PV30); 0 when the file carried no province. */
  brabant: z.number().int(),
  source: z.string(),
  licence: z.string(),
  /** The file's name as imported. */
  file: z.string(),
  importedAt: Instant,
  operator: z.string(),
});
export type BoundariesInfo = z.infer<typeof BoundariesInfo>;

/**
 * Municipality boundaries from a GeoJSON or TopoJSON file (CBS/PDOK "gebiedsindelingen", WGS84 or RD New):
 * an upload from the browser or a file path. Replaces earlier boundaries and re-places every mention (a job).
 */
export const ImportBoundariesInput = z
  .object({
    upload: UploadId.optional(),
    file: z.string().min(1).optional(),
    /** Where the file came from and under which licence, shown beside the map. */
    source: z.string().trim().min(1).max(200).default('CBS Gebiedsindelingen via PDOK'),
    licence: z.string().trim().min(1).max(200).default('CC BY 4.0 (CBS)'),
    operator: z.string().min(1),
  })
  .strict()
  .refine((input) => Boolean(input.upload) !== Boolean(input.file), 'name either an upload or a file');
export const ImportBoundariesResult = z.object({
  info: BoundariesInfo,
  /** The job placing every mention against the new boundaries. */
  job: JobInfo,
});

/** Response KPIs: first-response times and replies per operator. */
export const ResponsesInput = TrendRange.safeExtend({
  targetMinutes: z.number().int().min(1).max(10_080).default(60),
  signalId: z.number().int().positive().optional(),
}).strict();
export const ResponseKpis = z.object({
  /** Mentions in range (created then) that got a first response. */
  replied: z.number().int(),
  /** Median first-response time in minutes; null without replies. */
  medianMinutes: z.number().nullable(),
  meanMinutes: z.number().nullable(),
  /** Share of replied mentions answered within the target. */
  withinTarget: z.number().nullable(),
});
export const ResponsesPanel = z.object({
  ...TimeAxis,
  targetMinutes: z.number().int(),
  kpis: ResponseKpis,
  /** Per bucket: replied mentions and their mean first-response time in minutes. */
  replied: z.array(z.number().int()),
  meanMinutes: z.array(z.number().nullable()),
  perOperator: z.array(z.object({ operator: z.string(), replies: z.number().int() })),
  compare: ComparePeriod.extend({ kpis: ResponseKpis }).nullable(),
});
export type ResponsesPanel = z.infer<typeof ResponsesPanel>;

/** The mentions behind something no inbox filter can express (a term, a municipality, a heatmap cell). */
export const DrillInput = z
  .object({
    from: Instant,
    to: Instant,
    filter: TrendFilter.default({ topicId: [], channel: [], lang: [] }),
    sentiment: z.array(SentimentLabel).optional(),
    /** A word or #hashtag as the terms panel shows it. */
    term: z.string().min(1).max(200).optional(),
    /** A CBS municipality code. */
    municipality: z
      .string()
      .regex(/^GM\d{4}$/)
      .optional(),
    /** Local time: 0 = Monday. */
    hourOfWeek: z.object({ dow: z.number().int().min(0).max(6), hour: z.number().int().min(0).max(23) }).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export const DrillResult = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  rows: z.array(MentionRow),
  /**
   * True when there can be more than `total` mentions (show "200+"): a filtered drill of a common term
   * over a long period counts among the newest matches only (up to 200) rather than read every match.
   */
  capped: z.boolean().optional(),
});

export const Signal = z.object({
  id: z.number().int(),
  name: z.string(),
  unit: z.string().nullable(),
  points: z.number().int(),
  from: Instant.nullable(),
  to: Instant.nullable(),
  createdAt: Instant,
});
export type Signal = z.infer<typeof Signal>;

export const ImportSignalInput = z
  .object({
    name: z.string().trim().min(1, 'give the signal a name').max(80),
    unit: z.string().trim().max(20).optional(),
    /** CSV text with a header; the time column (ISO date or date-time; local time when no offset) and a numeric value column. */
    csv: z.string().min(1, 'the CSV is empty').max(50_000_000),
    timeColumn: z.string().optional(),
    valueColumn: z.string().optional(),
    operator: z.string().min(1),
  })
  .strict();
export const ImportSignalResult = z.object({
  signal: Signal,
  /** Rows that could not be read, each with its line and why (they are also kept in rejected_records). */
  rejected: z.array(z.object({ line: z.number().int(), reason: z.string() })),
});

export const RollupDifference = z.object({
  table: z.string(),
  key: z.string(),
  column: z.string(),
  stored: z.number(),
  expected: z.number(),
});
export const RollupVerification = z.object({
  ok: z.boolean(),
  checkedRows: z.number().int(),
  differences: z.array(RollupDifference),
  /** Newest mentions the term rollup has not counted yet (not verified; the indexer job counts them shortly). */
  termsPending: z.number().int().optional(),
});
export type RollupVerification = z.infer<typeof RollupVerification>;

export const trendMethods = {
  'trends.extent': query(
    Empty,
    z.object({ first: Instant.nullable(), last: Instant.nullable() }),
    'Oldest and newest mention time: the "all" period preset.',
  ),
  'trends.volume': query(VolumeInput, VolumePanel, 'Volume over time, stacked by channel or topic.'),
  'trends.sentiment': query(
    SentimentInput,
    SentimentPanel,
    'Net sentiment over time with volume behind it, and the mix.',
  ),
  'trends.shareOfVoice': query(TrendRange, ShareOfVoicePanel, 'Share of voice between topics, in total and over time.'),
  'trends.terms': query(TermsInput, TermsPanel, 'Rising and falling terms and hashtags against the previous period.'),
  'trends.heatmap': query(TrendRange, HeatmapPanel, 'Mentions per hour of the week (7 × 24, local time).'),
  'trends.map': query(
    MapInput,
    MapPanel,
    'Mentions and net sentiment per municipality of Noord-Brabant or the Netherlands.',
  ),
  'trends.boundaries': query(
    z.object({ region: MapRegion }).strict(),
    Boundaries,
    'Municipality boundaries as GeoJSON, with their source and licence.',
  ),
  'trends.boundariesInfo': query(
    Empty,
    BoundariesInfo.nullable(),
    'Which municipality boundaries are imported, or null when none are (the map needs them).',
  ),
  'trends.importBoundaries': command(
    ImportBoundariesInput,
    ImportBoundariesResult,
    'Import municipality boundaries (GeoJSON/TopoJSON from CBS/PDOK) and place every mention against them.',
  ),
  'trends.responses': query(ResponsesInput, ResponsesPanel, 'First-response KPIs and replies per operator.'),
  'trends.drill': query(DrillInput, DrillResult, 'The mentions behind a term, a municipality or an hour-of-week cell.'),
  'trends.annotations': query(
    z.object({ from: Instant.optional(), to: Instant.optional() }).strict(),
    z.array(Annotation),
    'Annotations on the time axis, oldest first.',
  ),
  'trends.saveAnnotation': command(
    z
      .object({
        id: z.number().int().positive().optional(),
        at: Instant,
        endAt: Instant.nullable().optional(),
        label: z.string().trim().min(1, 'an annotation needs a label').max(200),
        operator: z.string().min(1),
      })
      .strict(),
    Annotation,
    'Add or change an annotation.',
  ),
  'trends.deleteAnnotation': command(
    z.object({ id: z.number().int().positive(), operator: z.string().min(1) }).strict(),
    z.object({ id: z.number().int() }),
    'Remove an annotation.',
  ),
  'trends.signals': query(Empty, z.array(Signal), 'Imported external signals.'),
  'trends.importSignal': command(ImportSignalInput, ImportSignalResult, 'Import a numeric time series from CSV text.'),
  'trends.deleteSignal': command(
    z.object({ id: z.number().int().positive(), operator: z.string().min(1) }).strict(),
    z.object({ id: z.number().int() }),
    'Remove an external signal and its points.',
  ),
  'trends.verifyRollups': query(
    Empty,
    RollupVerification,
    'Recompute the rollups from raw mentions and list any difference.',
  ),
  'trends.rebuildRollups': command(Empty, JobInfo, 'Rebuild the rollups from raw mentions as a job with progress.'),
} as const;
