import type { LiveSource, SourceKind } from '../../../../shared/api/sources';
import { WatchpostError } from '../../../../shared/api/result';
import type { EventSink } from '../../events';
import type { SecretBox } from '../../secrets/secret-box';
import type { Db } from '../../store/db';
import { sealSourceConfig, type SourceConfigInput } from '../connectors/config';
import { connectorFor } from '../connectors/registry';
import { SourceScheduler, type PollOutcome, type SchedulerOptions } from '../connectors/scheduler';
import { createWebhookToken } from '../connectors/webhook';
import type { Reject } from '../formats/types';
import type { IngestPipeline } from '../pipeline';
import { parseConfig, SourceRows, toLiveSource, type SourceRow } from './source-rows';

interface LiveSourcesDeps {
  db: Db;
  events: EventSink;
  pipeline: Pick<IngestPipeline, 'store'>;
  box: SecretBox;
  /** For tests: a manual clock, a fetch of their own. */
  scheduler?: Partial<Omit<SchedulerOptions, 'db' | 'box' | 'store' | 'onHealth'>>;
}

interface SavedLiveSource {
  source: LiveSource;
  webhookToken: string | null;
}

/**
 * Settings → Sources over the scheduler: adding, editing, pausing and removing live sources, each
 * change applied to the polling at once and announced as `sources.changed`. Polled mentions go
 * through the same pipeline as imported files.
 */
export class LiveSources {
  readonly scheduler: SourceScheduler;
  private readonly rows: SourceRows;
  private readonly knownReject;
  private started = false;
  private checks = 0;

  constructor(private readonly deps: LiveSourcesDeps) {
    this.rows = new SourceRows(deps.db);
    this.knownReject = deps.db
      .prepare<[number, string], number>('SELECT 1 FROM rejected_records WHERE source_id = ? AND raw = ? LIMIT 1')
      .pluck();
    this.scheduler = new SourceScheduler({
      ...deps.scheduler,
      db: deps.db,
      box: deps.box,
      store: (sourceId, mentions, rejects) => {
        // A feed keeps serving the same broken entry: keep it once, not once per poll.
        const fresh = rejects.filter((reject: Reject) => this.knownReject.get(sourceId, reject.raw) === undefined);
        deps.pipeline.store(
          { sourceId, file: null },
          { mentions, rejects: fresh, recordsRead: mentions.length + fresh.length },
        );
      },
      onHealth: (health) => this.announce(health.sourceId),
    });
  }

  /** Starts polling every unpaused source (the engine of a running app or host, not a one-shot CLI command). */
  start(): void {
    this.started = true;
    this.scheduler.start();
  }

  /** True when a poll may still be running, so closing must wait for `stop()`. */
  get mayBePolling(): boolean {
    return this.started || this.checks > 0;
  }

  stop(): Promise<void> {
    return this.scheduler.stop();
  }

  list(): LiveSource[] {
    return this.rows.list().map((row) => this.shown(row));
  }

  get(id: number): LiveSource {
    return this.shown(this.rows.get(id));
  }

  add(kind: SourceKind, name: string, settings: SourceConfigInput): SavedLiveSource {
    const token = kind === 'webhook' ? createWebhookToken() : null;
    const config = token ? token.config : this.seal(kind, settings, null);
    const id = this.rows.insert(kind, name, config);
    this.changed(id);
    return { source: this.get(id), webhookToken: token?.token ?? null };
  }

  update(id: number, change: { name?: string; settings?: SourceConfigInput; renewToken?: boolean }): SavedLiveSource {
    const row = this.rows.get(id);
    let token: string | null = null;
    this.deps.db.transaction(() => {
      if (change.name !== undefined) this.rows.rename(row, change.name);
      if (row.kind === 'webhook') {
        if (change.renewToken) {
          const renewed = createWebhookToken();
          token = renewed.token;
          this.rows.setConfig(id, renewed.config, false);
        }
      } else if (change.settings) {
        // The settings are replaced as a whole; a credential left out stays as it was (sealSourceConfig).
        const previous = parseConfig(row.config);
        const config = this.seal(row.kind, change.settings, previous);
        this.rows.setConfig(id, config, pollsElsewhere(previous, config));
      }
    })();
    this.changed(id);
    return { source: this.get(id), webhookToken: token };
  }

  setPaused(id: number, paused: boolean): LiveSource {
    this.rows.get(id);
    this.rows.setPaused(id, paused);
    this.changed(id);
    return this.get(id);
  }

  remove(id: number): { id: number } {
    this.rows.get(id);
    this.rows.remove(id);
    this.changed(id);
    return { id };
  }

  /** Polls now and waits for the answer; a webhook has nothing to poll. */
  async checkNow(id: number): Promise<{ source: LiveSource; outcome: PollOutcome }> {
    const row = this.rows.get(id);
    if (row.kind === 'webhook') {
      throw new WatchpostError('invalid_input', `'${row.name}' is a webhook: it receives mentions and is not polled`);
    }
    this.checks += 1;
    try {
      const poll = this.scheduler.checkNow(id);
      this.announce(id);
      const outcome = await poll;
      return { source: this.get(id), outcome };
    } finally {
      this.checks -= 1;
    }
  }

  /** A webhook push was stored. */
  received(sourceId: number): void {
    this.rows.received(sourceId);
    this.announce(sourceId);
  }

  private seal(kind: SourceKind, settings: SourceConfigInput, previous: Record<string, unknown> | null): object {
    const connector = connectorFor(kind);
    if (!connector) throw new WatchpostError('invalid_input', `Watchpost cannot poll sources of the kind '${kind}'`);
    return sealSourceConfig(
      connector,
      settings,
      this.deps.box,
      previous as { secrets?: Record<string, string> },
    ) as object;
  }

  private shown(row: SourceRow): LiveSource {
    return toLiveSource(row, this.scheduler.health(row.id));
  }

  /** After an edit: the scheduler re-reads the source (and polls it soon); every window hears of it. */
  private changed(sourceId: number): void {
    this.scheduler.sourceChanged(sourceId);
    this.announce(sourceId);
  }

  private announce(sourceId: number): void {
    this.deps.events.emit('sources.changed', { sourceId });
  }
}

/** Whether the settings point somewhere else than before; a new interval or credential does not. */
function pollsElsewhere(before: Record<string, unknown>, after: object): boolean {
  const where = ({ intervalSeconds: _i, secrets: _s, ...rest }: Record<string, unknown>) => JSON.stringify(rest);
  return where(before) !== where(after as Record<string, unknown>);
}
