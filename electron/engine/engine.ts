import pkg from '../../package.json';
import { createDispatcher, type Dispatch, type Handlers } from './dispatcher';
import { EventSink } from './events';
import { JobRunner } from './jobs/runner';
import { createAnalyzer } from './analysis';
import { demoHandlers } from './demo/handlers';
import { ingestHandlers } from './ingest/handlers';
import { IngestPipeline } from './ingest/pipeline';
import { MentionReader } from './mentions/read';
import { searchMentions } from './search/search';
import { openMemoryWorkspace, openWorkspace, type Db } from './store/db';
import { SCHEMA_VERSION } from './store/migrations';

export interface EngineOptions {
  /** The workspace folder, or ':memory:' for a throw-away workspace (tests). */
  dataDir: string;
  log?: (line: string) => void;
}

/** The product's brain: one workspace, its handlers, its jobs and its events. Plain Node, no Electron. */
export class Engine {
  readonly events = new EventSink();
  readonly jobs = new JobRunner(this.events);
  readonly dispatch: Dispatch;
  readonly pipeline: IngestPipeline;

  private constructor(
    readonly db: Db,
    readonly dataDir: string,
    log: (line: string) => void,
  ) {
    const mentions = new MentionReader(db);
    const analyzer = createAnalyzer({ fallbackLanguage: 'nl' });
    this.pipeline = new IngestPipeline(db, this.events, (text) => analyzer.analyze(text));
    const handlers: Handlers = {
      'app.info': () => ({ name: 'Watchpost', version: pkg.version, schemaVersion: SCHEMA_VERSION, dataDir }),
      'workspace.stats': () => mentions.stats(),
      'mentions.list': (input) => mentions.list(input),
      'mentions.get': (input) => mentions.get(input.id),
      'mentions.search': (input) => searchMentions(db, input),
      'analysis.analyze': (input) => input.texts.map((text) => analyzer.analyze(text, input.lang)),
      'jobs.list': () => this.jobs.list(),
      'jobs.cancel': (input) => this.jobs.cancel(input.id),
      ...demoHandlers(this),
      ...ingestHandlers(this),
    };
    this.dispatch = createDispatcher(handlers, log);
  }

  static open(options: EngineOptions): Engine {
    const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
    const db = options.dataDir === ':memory:' ? openMemoryWorkspace() : openWorkspace(options.dataDir);
    return new Engine(db, options.dataDir, log);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
