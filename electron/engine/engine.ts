import pkg from '../../package.json';
import { createDispatcher, type Dispatch, type Handlers } from './dispatcher';
import { EventSink } from './events';
import { JobRunner } from './jobs/runner';
import { analysisHandlers } from './analysis/workspace-handlers';
import { AnalysisService } from './analysis/workspace-service';
import { finishDeferredIndexing } from './demo/bulk';
import { demoHandlers } from './demo/handlers';
import { ingestHandlers } from './ingest/handlers';
import { sourcesHandlers } from './ingest/sources/handlers';
import { LiveSources } from './ingest/sources/live-sources';
import { workspaceSecretBox } from './ingest/sources/secret-box';
import type { SecretBox } from './secrets/secret-box';
import { wizardHandlers } from './ingest/wizard-handlers';
import { UploadStore } from './ingest/wizard/uploads';
import { IngestPipeline } from './ingest/pipeline';
import { tagOwedMentions } from './ingest/deferred-steps';
import { MentionReader } from './mentions/read';
import { searchMentions } from './search/search';
import { openMemoryWorkspace, openWorkspace, type Db } from './store/db';
import { SCHEMA_VERSION } from './store/migrations';
import { topicHandlers } from './topics/handlers';
import { inboxHandlers } from './inbox/handlers';
import { replyHandlers } from './replies/handlers';
import { trendHandlers } from './trends/handlers';
import { RowTopics } from './topics/row-topics';
import { TopicService } from './topics/service';

export interface EngineOptions {
  /** The workspace folder, or ':memory:' for a throw-away workspace (tests). */
  dataDir: string;
  log?: (line: string) => void;
  /** Poll live sources from the start: the app and the host do, one-shot CLI commands and tests do not. */
  liveSources?: boolean;
  /** The desktop app's credential key (kept sealed by the OS keychain); without it, the key file in `dataDir`. */
  secretKey?: Uint8Array;
}

/** The product's brain: one workspace, its handlers, its jobs and its events. Plain Node, no Electron. */
export class Engine {
  readonly events = new EventSink();
  readonly jobs = new JobRunner(this.events);
  readonly dispatch: Dispatch;
  readonly pipeline: IngestPipeline;
  /** Files picked in a browser, waiting to be previewed and imported. */
  readonly uploads: UploadStore;
  readonly liveSources: LiveSources;
  /** The workspace lexicon, sentiment corrections and the model learnt from them. */
  readonly analysis: AnalysisService;
  readonly topics: TopicService;
  /** The workspace's credential box: live sources seal tokens with it, the replies engine opens them to post. */
  readonly secretBox: SecretBox;

  private constructor(
    readonly db: Db,
    readonly dataDir: string,
    log: (line: string) => void,
    secretKey?: Uint8Array,
  ) {
    const mentions = new MentionReader(db);
    this.analysis = new AnalysisService(db, this.jobs, this.events, { fallbackLanguage: 'nl' });
    const analyzer = this.analysis.analyzer;
    this.pipeline = new IngestPipeline(
      db,
      this.events,
      (text) => analyzer.analyze(text),
      () => ({ analyzer: analyzer.options() }),
    );
    this.topics = new TopicService(db, this.jobs, this.events);
    this.pipeline.onStored((added) => this.topics.tagNew(added), { bulk: true });
    const rowTopics = new RowTopics(db);
    const folder = dataDir === ':memory:' ? null : dataDir;
    this.uploads = new UploadStore(folder);
    this.secretBox = workspaceSecretBox(folder, secretKey);
    this.liveSources = new LiveSources({
      db,
      events: this.events,
      pipeline: this.pipeline,
      box: this.secretBox,
    });
    const handlers: Handlers = {
      'app.info': () => ({ name: 'Watchpost', version: pkg.version, schemaVersion: SCHEMA_VERSION, dataDir }),
      'workspace.stats': () => mentions.stats(),
      'mentions.list': (input) => {
        const page = mentions.list(input);
        return { ...page, rows: rowTopics.attach(page.rows) };
      },
      'mentions.get': (input) => rowTopics.attachOne(mentions.get(input.id)),
      'mentions.search': (input) => {
        const found = searchMentions(db, input);
        return { ...found, mentions: rowTopics.attach(found.mentions) };
      },
      'analysis.analyze': (input) => input.texts.map((text) => analyzer.analyze(text, input.lang)),
      'jobs.list': () => this.jobs.list(),
      'jobs.cancel': (input) => this.jobs.cancel(input.id),
      ...demoHandlers(this),
      ...ingestHandlers(this),
      ...wizardHandlers(this),
      ...sourcesHandlers(this),
      ...analysisHandlers(this.analysis),
      ...topicHandlers(this.topics),
      ...inboxHandlers(this),
      ...replyHandlers(this),
      ...trendHandlers(this),
    };
    this.dispatch = createDispatcher(handlers, log);
  }

  static open(options: EngineOptions): Engine {
    const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
    const db = options.dataDir === ':memory:' ? openMemoryWorkspace() : openWorkspace(options.dataDir);
    const engine = new Engine(db, options.dataDir, log, options.secretKey);
    // A demo killed while its indexes were deferred left them dropped: put them back before anything else waits on them.
    // Likewise an interrupted big import: its indexes, and the topic tags it still owed its mentions.
    void finishDeferredIndexing(db, () => tagOwedMentions(db, engine.pipeline)).catch((err: unknown) =>
      log(`restoring the indexes of an interrupted demo failed: ${err instanceof Error ? err.message : String(err)}`),
    );
    if (options.liveSources) engine.liveSources.start();
    return engine;
  }

  /** Closes the workspace; when a poll may be running, only after it has wound down. */
  close(): Promise<void> {
    this.uploads.clear();
    this.analysis.flush();
    const closeDb = () => {
      if (this.db.open) this.db.close();
    };
    if (!this.liveSources.mayBePolling) {
      closeDb();
      return Promise.resolve();
    }
    return this.liveSources.stop().then(closeDb);
  }
}
