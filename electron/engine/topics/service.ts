import type { Statement } from 'better-sqlite3';
import type { MethodOutput, MethodParsedInput } from '../../../shared/api/contract';
import type { CompiledQuery } from '../../../shared/query/compile';
import type { EventSink } from '../events';
import { ChunkPacer } from '../jobs/chunk-pacer';
import { RestartableJob } from '../jobs/restartable';
import type { JobControl, JobOutcome, JobRunner } from '../jobs/runner';
import type { Db } from '../store/db';
import { TopicStore } from './store';
import { compileTopicQuery, TopicTagger } from './tagger';

/** How often (in stored batches) tagging new mentions re-checks how common each topic's words are. */
const RECOMPILE_EVERY_BATCHES = 200;

/** Tags are removed this many at a time when a topic goes, so a topic on a million mentions never blocks the inbox. */
const UNTAG_CHUNK = 20_000;

/**
 * Topics as the operator works with them: saving one re-tags history in a background job (newest
 * mentions first, so the inbox shows chips where the operator looks), and every stored batch of new
 * mentions is tagged in its own transaction.
 */
export class TopicService {
  readonly store: TopicStore;
  private readonly tagger: TopicTagger;
  private readonly retags = new Map<number, RestartableJob>();
  private readonly removing = new Set<number>();
  /** Compiled queries for tagging new mentions; rebuilt after any topic changes. */
  private live: { id: number; compiled: CompiledQuery }[] | null = null;
  private batchesSinceCompile = 0;
  private readonly newestId: Statement<[], number>;
  private readonly untagSome: Statement<[number, number, number]>;

  constructor(
    private readonly db: Db,
    private readonly jobs: JobRunner,
    private readonly events: EventSink,
  ) {
    this.store = new TopicStore(db);
    this.tagger = new TopicTagger(db);
    this.newestId = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM mentions').pluck();
    this.untagSome = db.prepare(
      `DELETE FROM mention_topics WHERE topic_id = ? AND mention_id IN
         (SELECT mention_id FROM mention_topics WHERE topic_id = ? LIMIT ?)`,
    );
  }

  list(): MethodOutput<'topics.list'> {
    return this.store.list();
  }

  save(input: MethodParsedInput<'topics.save'>): MethodOutput<'topics.save'> {
    // Refuse a wrong query before anything is stored; the message names the column.
    compileTopicQuery(input.query, () => 'lazy');
    const { topic, queryChanged } = this.store.save(input);
    this.live = null;
    const retag = queryChanged ? this.retagJob(topic.id).request() : null;
    this.events.emit('topics.changed', { topicId: topic.id });
    return { topic, retag };
  }

  async delete(input: MethodParsedInput<'topics.delete'>): Promise<MethodOutput<'topics.delete'>> {
    if (!this.store.exists(input.id) || this.removing.has(input.id)) return { deleted: false };
    this.removing.add(input.id);
    this.live = null;
    try {
      while (this.untagSome.run(input.id, input.id, UNTAG_CHUNK).changes > 0) {
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      const deleted = this.store.delete(input.id, input.operator) !== null;
      if (deleted) this.events.emit('topics.changed', { topicId: input.id });
      return { deleted };
    } finally {
      this.removing.delete(input.id);
      this.live = null;
    }
  }

  /** Topics were saved around this service (the demo writes its own): compile them afresh for the next batch. */
  reload(): void {
    this.live = null;
  }

  /** Tags the mentions (afterId, upToId] with every topic; the pipeline calls it inside a batch's transaction. */
  tagNew({ afterId, upToId }: { afterId: number; upToId: number }): void {
    // Words that match few mentions are tested against their list, the rest per mention; as words
    // grow common the choice is made again now and then.
    if (this.live === null || ++this.batchesSinceCompile >= RECOMPILE_EVERY_BATCHES) {
      this.batchesSinceCompile = 0;
      this.live = this.store
        .stored()
        .filter((topic) => !this.removing.has(topic.id))
        .flatMap((topic) => {
          try {
            return [{ id: topic.id, compiled: compileTopicQuery(topic.query, (m) => this.tagger.membershipFor(m)) }];
          } catch {
            // A saved query an older version accepted must not stop mentions from being stored.
            return [];
          }
        });
    }
    for (const topic of this.live) this.tagger.tag(topic.id, topic.compiled, afterId + 1, upToId);
  }

  /** Re-tags a topic's whole history (e.g. after a migration or a bug fix); answers the job. */
  retag(topicId: number) {
    return this.retagJob(topicId).request();
  }

  private retagJob(topicId: number): RestartableJob {
    let job = this.retags.get(topicId);
    if (!job) {
      job = new RestartableJob(this.jobs, 'retag', `re-tag history for topic ${topicId}`, (control, restart) =>
        this.retagHistory(topicId, control, restart),
      );
      this.retags.set(topicId, job);
    }
    return job;
  }

  private async retagHistory(topicId: number, control: JobControl, restart: () => boolean): Promise<JobOutcome> {
    const gone = { message: 'the topic was removed', result: { topicId, tagged: 0 } };
    const topic = this.store.stored().find((t) => t.id === topicId);
    if (!topic || this.removing.has(topicId)) return gone;
    const compiled = compileTopicQuery(topic.query, (match) => this.tagger.membershipFor(match));
    // Mentions stored after this are tagged as they arrive, with the query as saved now.
    const top = this.newestId.get() ?? 0;
    const pacer = new ChunkPacer(20_000);
    const retagChunk = this.db.transaction((from: number, to: number) =>
      this.tagger.retag(topicId, compiled, from, to),
    );
    control.progress(0, top);
    for (let to = top; to >= 1;) {
      if (restart()) return null;
      if (this.removing.has(topicId) || !this.store.exists(topicId)) return gone;
      const from = Math.max(1, to - pacer.size + 1);
      const started = performance.now();
      retagChunk(from, to);
      pacer.took(performance.now() - started);
      control.progress(top - from + 1, top);
      to = from - 1;
      await control.checkpoint();
    }
    const tagged = this.store.get(topicId).mentions;
    this.events.emit('topics.changed', { topicId });
    return {
      message: `topic '${topic.name}': ${tagged.toLocaleString('en-GB')} mentions tagged`,
      result: { topicId, tagged },
    };
  }
}
