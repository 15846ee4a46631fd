import type { Db } from '../../store/db';
import type { SecretBox } from '../../secrets/secret-box';
import type { ParsedMention, Reject } from '../formats/types';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { asSourceError, SourceError } from './errors';
import { errorWithNextTry, healthAfterError, type SourceHealth } from './health';
import { CONNECTORS } from './registry';
import type { Connector, PollContext } from './types';

/** Time and timers, injectable so tests can move time by hand. */
export interface SchedulerClock {
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const systemClock: SchedulerClock = {
  now: () => Date.now(),
  setTimer: (run, ms) => setTimeout(run, ms).unref(),
  clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

const START_STAGGER_MS = 1000;

/** Hands polled mentions to the pipeline (enrichment + storage). The cursor advances only after it returns. */
export type StoreMentions = (sourceId: number, mentions: ParsedMention[], rejects: Reject[]) => void | Promise<void>;

export interface SchedulerOptions {
  db: Db;
  box: SecretBox;
  store: StoreMentions;
  connectors?: Readonly<Record<string, Connector>>;
  fetch?: typeof fetch;
  clock?: SchedulerClock;
  random?: () => number;
  backoff?: BackoffPolicy;
  /** Consecutive passing errors (rate limit, outage, network) after which a source shows as failing. */
  failAfter?: number;
  /** A poll (all its pages) that takes longer is stopped and counts as a network error. */
  pollTimeoutMs?: number;
  /** Zone for "next try at 14:05" in error texts; defaults to the machine's. */
  timeZone?: string;
  onHealth?: (health: SourceHealth) => void;
}

export interface PollOutcome {
  sourceId: number;
  /** `waiting`: the server asked us to wait (Retry-After) and that time has not come. */
  result: 'stored' | 'not_modified' | 'error' | 'waiting' | 'skipped';
  mentions: number;
  rejects: number;
  health: SourceHealth | null;
}

interface SourceRow {
  id: number;
  kind: string;
  config: string;
  cursor: string | null;
  paused: number;
  health: SourceHealth['health'];
  last_success_at: number | null;
  last_error: string | null;
  /** The backoff, kept so a restart continues it instead of polling at once (migration 8). */
  error_count: number;
  next_try_at: number | null;
  not_before: number | null;
}

interface SourceState {
  timer?: unknown;
  nextPollAt: number | null;
  inFlight?: Promise<PollOutcome>;
  abort?: AbortController;
  consecutiveErrors: number;
  /** Set from Retry-After: no request to this source before then, not even "check now". */
  notBefore?: number;
}

/**
 * Polls every live source on its own interval, one poll at a time per source, backing off on rate
 * limits, outages and network errors, and keeps each source's health in the `sources` table.
 */
export class SourceScheduler {
  private readonly states = new Map<number, SourceState>();
  private readonly connectors: Readonly<Record<string, Connector>>;
  private readonly clock: SchedulerClock;
  private readonly getRow;
  private readonly listRows;
  private readonly saveSuccess;
  private readonly saveError;
  private running = false;

  constructor(private readonly options: SchedulerOptions) {
    this.connectors = options.connectors ?? CONNECTORS;
    this.clock = options.clock ?? systemClock;
    const { db } = options;
    this.getRow = db.prepare<[number], SourceRow>('SELECT * FROM sources WHERE id = ?');
    this.listRows = db.prepare<[], SourceRow>('SELECT * FROM sources WHERE paused = 0 ORDER BY id');
    this.saveSuccess = db.prepare<[string | null, number, number]>(
      `UPDATE sources SET cursor = ?, health = 'ok', last_success_at = ?, last_error = NULL,
         error_count = 0, next_try_at = NULL, not_before = NULL WHERE id = ?`,
    );
    this.saveError = db.prepare<[string, string, number, number, number | null, number]>(
      `UPDATE sources SET health = ?, last_error = ?, error_count = ?, next_try_at = ?, not_before = ? WHERE id = ?`,
    );
  }

  /**
   * Schedules every unpaused source of a kind this scheduler knows. Sources that never succeeded are
   * polled at once; a source that was backing off when the app stopped waits out its backoff (and a
   * server's Retry-After) first, and continues the backoff where it was.
   */
  start(): void {
    this.running = true;
    const now = this.clock.now();
    let waiting = 0;
    for (const row of this.listRows.all()) {
      const connector = this.connectors[row.kind];
      if (!connector) continue;
      const state = this.state(row.id, row);
      const due = Math.max(
        row.health === 'ok' && row.last_success_at !== null ? row.last_success_at + this.intervalMs(row) : now,
        row.next_try_at ?? now,
        state.notBefore ?? now,
      );
      // Sources due at once go a second apart, so a start does not send every request together.
      this.schedule(row.id, due > now ? due - now : START_STAGGER_MS * waiting++);
    }
  }

  /** Stops all timers and in-flight polls; resolves when they have wound down. */
  async stop(): Promise<void> {
    this.running = false;
    const polls: Promise<unknown>[] = [];
    for (const state of this.states.values()) {
      if (state.timer !== undefined) this.clock.clearTimer(state.timer);
      state.timer = undefined;
      state.abort?.abort();
      if (state.inFlight) polls.push(state.inFlight);
    }
    await Promise.allSettled(polls);
  }

  /** Call after a source was added, edited, paused, resumed or deleted: it is re-read and, if active, polled soon. */
  sourceChanged(sourceId: number): void {
    const state = this.state(sourceId);
    if (state.timer !== undefined) this.clock.clearTimer(state.timer);
    state.timer = undefined;
    state.nextPollAt = null;
    const row = this.getRow.get(sourceId);
    if (!row || row.paused || !this.connectors[row.kind]) {
      state.abort?.abort();
      if (!row) this.states.delete(sourceId);
      return;
    }
    state.consecutiveErrors = 0;
    // An edit may fix a refused token, but a server's Retry-After still stands (unless the source now polls elsewhere).
    const now = this.clock.now();
    state.notBefore = row.not_before !== null && row.not_before > now ? row.not_before : undefined;
    if (this.running && !state.inFlight) this.schedule(sourceId, (state.notBefore ?? now) - now);
  }

  /**
   * Polls now ("check now"). Joins a poll already running rather than starting a second one, and
   * sends nothing while a server's Retry-After is still in force.
   */
  checkNow(sourceId: number): Promise<PollOutcome> {
    const state = this.state(sourceId);
    if (state.inFlight) return state.inFlight;
    if (state.notBefore !== undefined && state.notBefore > this.clock.now()) {
      return Promise.resolve({ sourceId, result: 'waiting', mentions: 0, rejects: 0, health: this.health(sourceId) });
    }
    return this.poll(sourceId);
  }

  /** The poll running for a source right now, if any (to wait for it). */
  currentPoll(sourceId: number): Promise<PollOutcome> | null {
    return this.states.get(sourceId)?.inFlight ?? null;
  }

  health(sourceId: number): SourceHealth | null {
    const row = this.getRow.get(sourceId);
    if (!row) return null;
    const state = this.states.get(sourceId);
    return {
      sourceId,
      health: row.health,
      lastSuccessAt: row.last_success_at,
      lastError: row.last_error,
      nextPollAt: state?.nextPollAt ?? null,
      polling: Boolean(state?.inFlight),
    };
  }

  /** A source's polling state; the first time, its backoff as the database kept it (it may predate a restart). */
  private state(sourceId: number, known?: SourceRow): SourceState {
    let state = this.states.get(sourceId);
    if (!state) {
      const row = known ?? this.getRow.get(sourceId);
      const notBefore = row?.not_before ?? null;
      state = { nextPollAt: null, consecutiveErrors: row?.error_count ?? 0 };
      if (notBefore !== null && notBefore > this.clock.now()) state.notBefore = notBefore;
      this.states.set(sourceId, state);
    }
    return state;
  }

  private intervalMs(row: SourceRow): number {
    const connector = this.connectors[row.kind];
    const configured = (safeJson(row.config) as { intervalSeconds?: unknown } | null)?.intervalSeconds;
    const seconds =
      typeof configured === 'number' && configured > 0 ? configured : (connector?.defaultIntervalSeconds ?? 300);
    return seconds * 1000;
  }

  private schedule(sourceId: number, delayMs: number): void {
    const state = this.state(sourceId);
    if (state.timer !== undefined) this.clock.clearTimer(state.timer);
    state.nextPollAt = this.clock.now() + delayMs;
    state.timer = this.clock.setTimer(() => {
      state.timer = undefined;
      if (!state.inFlight) void this.poll(sourceId);
    }, delayMs);
  }

  private poll(sourceId: number): Promise<PollOutcome> {
    const state = this.state(sourceId);
    if (state.timer !== undefined) this.clock.clearTimer(state.timer);
    state.timer = undefined;
    state.nextPollAt = null;
    const run = this.runPoll(sourceId, state).finally(() => {
      state.inFlight = undefined;
      state.abort = undefined;
    });
    state.inFlight = run;
    return run;
  }

  private async runPoll(sourceId: number, state: SourceState): Promise<PollOutcome> {
    const row = this.getRow.get(sourceId);
    const connector = row ? this.connectors[row.kind] : undefined;
    if (!row || !connector) return { sourceId, result: 'skipped', mentions: 0, rejects: 0, health: null };
    const abort = new AbortController();
    state.abort = abort;
    const ctx: PollContext = {
      fetch: this.options.fetch ?? globalThis.fetch,
      box: this.options.box,
      now: () => this.clock.now(),
      signal: AbortSignal.any([abort.signal, AbortSignal.timeout(this.options.pollTimeoutMs ?? 120_000)]),
    };
    try {
      const config = parseConfig(connector, row.config);
      const cursor = connector.cursorSchema.safeParse(safeJson(row.cursor ?? 'null'));
      const result = await connector.poll(config, cursor.success ? cursor.data : null, ctx);
      if (abort.signal.aborted) throw new SourceError('cancelled', 'the poll was stopped');
      if (!result.notModified && (result.mentions.length > 0 || result.rejects.length > 0)) {
        try {
          await this.options.store(sourceId, result.mentions, result.rejects);
        } catch (err) {
          throw new SourceError(
            'bad_response',
            `the polled mentions could not be stored: ${asSourceError(err).message}`,
          );
        }
      }
      const cursorJson = result.cursor === null ? row.cursor : JSON.stringify(result.cursor);
      this.saveSuccess.run(cursorJson, this.clock.now(), sourceId);
      state.consecutiveErrors = 0;
      state.notBefore = undefined;
      this.reschedule(sourceId, this.intervalMs(row));
      return this.outcome(
        sourceId,
        result.notModified ? 'not_modified' : 'stored',
        result.mentions.length,
        result.rejects.length,
      );
    } catch (err) {
      const error = asSourceError(err);
      // A stop or a deleted/paused source is not the source's fault: its health stays as it was.
      if (error.kind === 'cancelled' || abort.signal.aborted) return this.outcome(sourceId, 'skipped', 0, 0);
      return this.recordError(sourceId, row, state, error);
    }
  }

  private recordError(sourceId: number, row: SourceRow, state: SourceState, error: SourceError): PollOutcome {
    state.consecutiveErrors += 1;
    const now = this.clock.now();
    const backoff = backoffDelay(
      state.consecutiveErrors,
      error.details.retryAfterMs,
      this.options.random ?? Math.random,
      this.options.backoff ?? DEFAULT_BACKOFF,
    );
    // Problems a person must fix are retried at the normal pace, never faster.
    const delay = error.retryable ? backoff : Math.max(backoff, this.intervalMs(row));
    state.notBefore = error.details.retryAfterMs !== undefined ? now + error.details.retryAfterMs : undefined;
    const health = healthAfterError(error, state.consecutiveErrors, this.options.failAfter ?? 3);
    const text = errorWithNextTry(error, now + delay, now, this.options.timeZone);
    this.saveError.run(health, text, state.consecutiveErrors, now + delay, state.notBefore ?? null, sourceId);
    this.reschedule(sourceId, delay);
    return this.outcome(sourceId, 'error', 0, 0);
  }

  private reschedule(sourceId: number, delayMs: number): void {
    const row = this.getRow.get(sourceId);
    if (this.running && row && !row.paused) this.schedule(sourceId, delayMs);
  }

  private outcome(sourceId: number, result: PollOutcome['result'], mentions: number, rejects: number): PollOutcome {
    const health = this.health(sourceId);
    // The poll is over for whoever listens, even though `finally` clears inFlight a moment later.
    if (health) health.polling = false;
    if (health && result !== 'skipped') this.options.onHealth?.(health);
    return { sourceId, result, mentions, rejects, health };
  }
}

function parseConfig<Config>(connector: Connector<Config>, text: string): Config {
  const parsed = connector.configSchema.safeParse(safeJson(text));
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`);
  throw new SourceError(
    'config',
    `the settings of this source are not valid (${problems.join('; ')}): edit the source`,
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
