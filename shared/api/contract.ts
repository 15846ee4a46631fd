import { z } from 'zod';
import { Channel, Language, MentionDetail, MentionRow, SentimentLabel } from '../domain/mention';
import { JobInfo } from './events';
import { command, Empty, query } from './spec';
import { inboxMethods, ListMentionsInput, MentionPage } from './inbox';
import { replyMethods } from './replies';
import { trendMethods } from './trends';
import {
  FieldMapping,
  FormatId,
  ImportPreview,
  ImportUploadInput,
  MappingPreset,
  PreviewInput,
  RejectGroup,
  RejectParams,
  RejectsOfInput,
  RetryOutcome,
  RetryRejectsInput,
  SavePresetInput,
  UploadInfo,
  UploadInput,
  UploadId,
} from './imports';
import {
  AddSourceInput,
  CheckOutcome,
  DeletedSource,
  LiveSource,
  SavedSource,
  SourceIdInput,
  UpdateSourceInput,
  WebhookInput,
  WebhookOutcome,
} from './sources';
import { DeleteTopicInput, SavedTopic, SaveTopicInput, Topic } from './topics';
import {
  AdaptiveStatus,
  CorrectSentimentInput,
  DeleteLexiconInput,
  LexiconChanged,
  LexiconEntry,
  MentionExplanation,
  SaveLexiconInput,
} from './analysis';

/**
 * The one API of Watchpost. Every door (Electron IPC, the HTTP host, the CLI) calls these
 * methods through the engine's dispatcher, which validates input and output against the schemas.
 * `query` methods only read; `command` methods change the workspace. The inbox's, replies' and trends'
 * methods are declared beside this file and merged in below.
 */

// The inbox's list filter and sort live beside the inbox's methods (shared/api/inbox.ts); this is their public home.
export { MentionFilter, MentionSort } from './inbox';

export const WorkspaceStats = z.object({
  mentions: z.number().int(),
  unread: z.number().int(),
  lastIngestAt: z.iso.datetime().nullable(),
  newestMentionAt: z.iso.datetime().nullable(),
  sources: z.number().int(),
});
export type WorkspaceStats = z.infer<typeof WorkspaceStats>;

// The import wizard's and the live sources' schemas live beside this file; the formats are shared with the CLI.
export { FieldMapping, FORMAT_IDS, FormatId } from './imports';

export const RejectedRecord = z.object({
  id: z.number().int(),
  file: z.string().nullable(),
  recordNo: z.number().int().nullable(),
  /** In English; shown as it is when there is no code (rejects kept before codes existed). */
  reason: z.string(),
  /** Why, as a code the UI translates with `params`; absent on older rejects. */
  code: z.string().optional(),
  params: RejectParams.optional(),
  raw: z.string(),
  createdAt: z.iso.datetime(),
});

export const contract = {
  'app.info': query(
    Empty,
    z.object({
      name: z.literal('Watchpost'),
      version: z.string(),
      schemaVersion: z.number().int(),
      dataDir: z.string(),
    }),
    'Version of the engine and the workspace it has open.',
  ),
  'workspace.stats': query(Empty, WorkspaceStats, 'Figures for the status bar.'),
  'mentions.list': query(
    ListMentionsInput,
    MentionPage,
    'One page of the inbox, filtered and sorted by the engine, read from a snapshot (maxId) so pages line up while mentions arrive.',
  ),
  'mentions.get': query(
    z.object({ id: z.number().int().positive() }).strict(),
    MentionDetail,
    'Everything stored about one mention.',
  ),
  'mentions.search': query(
    z
      .object({
        query: z.string().trim().min(1, 'type something to search for').max(2000),
        limit: z.number().int().min(1).max(1000).default(50),
        offset: z.number().int().min(0).default(0),
        sort: z.enum(['newest', 'relevance']).default('newest'),
        /** Only mentions up to this id: the result list's snapshot, so paging stays exact while mentions arrive. */
        maxId: z.number().int().min(0).optional(),
      })
      .strict(),
    z.object({
      total: z.number().int(),
      /** The snapshot the answer was read from: pass it back for the next pages. */
      maxId: z.number().int(),
      /** True when a broad query's total was estimated from samples rather than counted. */
      totalIsEstimate: z.boolean(),
      offset: z.number().int(),
      mentions: z.array(MentionRow),
      /** A relevance search over very many matches ranks only this many most recent ones. */
      rankedWithin: z.number().int().nullable(),
    }),
    'Search with the query language (AND OR NOT, "phrases", prefix*, NEAR/n, #tags, @handles, fields); a syntax error names its column.',
  ),
  'demo.generate': command(
    z
      .object({
        mentions: z.number().int().min(1).max(20_000_000),
        years: z.number().min(0.01).max(20),
        seed: z.number().int(),
        until: z.iso.datetime({ offset: true }).optional(),
      })
      .strict(),
    JobInfo,
    'Start generating a deterministic demo workspace; progress arrives as job events.',
  ),
  'ingest.importFiles': command(
    z
      .object({
        files: z.array(z.string().min(1)).min(1, 'name at least one file'),
        format: FormatId.optional(),
        mapping: FieldMapping.optional(),
        channel: Channel.optional(),
        accountHandle: z.string().min(1).optional(),
        timeZone: z.string().min(1).optional(),
      })
      .strict(),
    JobInfo,
    'Start importing files; the finished job carries the counts per file and the first rejects.',
  ),
  'ingest.rejects': query(
    z
      .object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) })
      .strict(),
    z.object({ total: z.number().int(), rows: z.array(RejectedRecord) }),
    'Records that could not be imported, newest first, with the reason.',
  ),
  'ingest.upload': command(
    UploadInput,
    UploadInfo,
    'Receive a file the operator picked in the browser, in base64 chunks of at most 4 MB, in order.',
  ),
  'ingest.discardUpload': command(
    z.object({ upload: UploadId }).strict(),
    z.object({ discarded: z.boolean() }),
    'Forget an upload that will not be imported (another file was picked).',
  ),
  'ingest.preview': query(
    PreviewInput,
    ImportPreview,
    'Detect the format of an upload or a file and show its first 20 records as they would be imported.',
  ),
  'ingest.importUpload': command(
    ImportUploadInput,
    JobInfo,
    'Import an upload as a job (progress by bytes, cancellable); the upload is removed when the job ends.',
  ),
  'ingest.presets.list': query(Empty, z.array(MappingPreset), 'Saved column mappings, by name.'),
  'ingest.presets.save': command(
    SavePresetInput,
    MappingPreset,
    'Save a column mapping under a name (replaces one of that name).',
  ),
  'ingest.presets.delete': command(
    z.object({ id: z.number().int().positive() }).strict(),
    z.object({ deleted: z.boolean() }),
    'Remove a saved column mapping.',
  ),
  'ingest.rejectGroups': query(
    Empty,
    z.array(RejectGroup),
    'Rejected records grouped by file or live source, newest first, with whether a new mapping can retry them.',
  ),
  'ingest.rejectsOf': query(
    RejectsOfInput,
    z.object({ total: z.number().int(), rows: z.array(RejectedRecord) }),
    'The rejected records of one file or live source, in record order.',
  ),
  'ingest.retryRejects': command(
    RetryRejectsInput,
    RetryOutcome,
    "Read a file's rejected records again with a corrected mapping; those that now import leave the list.",
  ),
  'ingest.webhook': command(
    WebhookInput,
    WebhookOutcome,
    'Mentions pushed by another tool to POST /ingest/<token>: stored, and each bad one kept as a reject.',
  ),
  'sources.list': query(Empty, z.array(LiveSource), 'Live sources with their health, oldest first.'),
  'sources.add': command(
    AddSourceInput,
    SavedSource,
    'Add a live source; a webhook source answers with its token, once.',
  ),
  'sources.update': command(UpdateSourceInput, SavedSource, "Change a live source's name or settings."),
  'sources.pause': command(SourceIdInput, LiveSource, 'Stop polling a source (a paused webhook refuses pushes).'),
  'sources.resume': command(SourceIdInput, LiveSource, 'Poll a paused source again, starting now.'),
  'sources.delete': command(SourceIdInput, DeletedSource, 'Remove a live source; the mentions it brought in stay.'),
  'sources.checkNow': command(SourceIdInput, CheckOutcome, 'Poll a source now and wait for the answer.'),
  'analysis.analyze': query(
    z
      .object({
        texts: z.array(z.string().max(100_000)).min(1).max(10_000),
        lang: z.enum(['nl', 'en']).optional(),
      })
      .strict(),
    z.array(
      z.object({ lang: Language, sentiment: z.object({ label: SentimentLabel, score: z.number().min(-1).max(1) }) }),
    ),
    'Language and sentiment for texts, in order, as the workspace would score them.',
  ),
  'mentions.explain': query(
    z.object({ id: z.number().int().positive() }).strict(),
    MentionExplanation,
    'Why a mention has its sentiment (the words that counted) and priority (the factors), and its corrections.',
  ),
  'mentions.correctSentiment': command(
    CorrectSentimentInput,
    MentionExplanation,
    "Correct a mention's sentiment label (null: back to automatic); kept with who and when, and learnt from.",
  ),
  'topics.list': query(Empty, z.array(Topic), 'Topics (named saved queries with a colour), by name.'),
  'topics.save': command(
    SaveTopicInput,
    SavedTopic,
    'Create or change a topic; a new or changed query re-tags history in a job. A query mistake names its column.',
  ),
  'topics.delete': command(DeleteTopicInput, z.object({ deleted: z.boolean() }), 'Remove a topic and its tags.'),
  'lexicon.list': query(Empty, z.array(LexiconEntry), "The workspace's own sentiment words, by word."),
  'lexicon.save': command(
    SaveLexiconInput,
    LexiconChanged,
    'Add or change a word with a weight (-4..+4): new mentions use it at once, history is re-scored in a job.',
  ),
  'lexicon.delete': command(DeleteLexiconInput, LexiconChanged, 'Remove a word; history is re-scored in a job.'),
  'analysis.model': query(Empty, AdaptiveStatus, "The workspace's sentiment model learnt from corrections."),
  'analysis.rescore': command(
    Empty,
    JobInfo,
    'Re-score the sentiment and priority of every mention with the current lexicon and model (corrections stay).',
  ),
  'jobs.list': query(Empty, z.array(JobInfo), 'Running and recently finished background jobs.'),
  'jobs.cancel': command(
    z.object({ id: z.string().min(1) }).strict(),
    JobInfo,
    'Ask a running job to stop after its current chunk; what it committed stays.',
  ),
  ...inboxMethods,
  ...replyMethods,
  ...trendMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<Contract[M]['output']>;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
