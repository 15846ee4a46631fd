import { workerEntry, workerMessages, type WorkerEntry } from '../jobs/worker-stream';
import { canonicalUrl } from '../mentions/url';
import type { NewAuthor, NewMention } from '../mentions/write';
import type { DemoOptions } from './generate';
import { demoMentions } from './mentions';

/**
 * The demo's mentions in batches, made in a second thread when that pays: at 1M mentions making the rows is
 * 3–4 s of CPU that otherwise sits on the thread that writes them. The worker runs the same stream
 * (mentions.ts) and hands over each batch packed (`packBatch`): what a user can see is the same row for row.
 */

/** What the demo worker starts with: plain data only. */
export interface DemoWorkerData {
  options: DemoOptions;
  sourceId: number;
  batchSize: number;
  /** Batches the worker may send before the writer has taken one (bounds the memory in between). */
  credits: number;
  /** Where the worker also builds the full-text index of the mentions it makes, if it should. */
  fullText: FullTextSpec | null;
}

/**
 * A full-text index the worker builds beside the rows (bulk.ts `copyFullText` puts it in place): the FTS5
 * table's own definition from the workspace, a file of its own, and the id the first mention will get.
 */
export interface FullTextSpec {
  file: string;
  sql: string;
  firstId: number;
}

export type ToDemoWorker = { type: 'credit' };
export type FromDemoWorker =
  { type: 'batch'; batch: PackedBatch } | { type: 'done' } | { type: 'error'; message: string };

/**
 * A batch of mentions as a few flat arrays, which cross between threads several times faster than the
 * objects (structured clone of 1,000 mentions as objects: ~10× the time). Values from a small set (channel,
 * language, sentiment, status, place, assignee) travel as numbers into a table of symbols that grows as new
 * ones turn up; an author travels whole once, the first time its channel and handle turn up, and as a
 * number after that (the writer, too, stores an author once and looks it up by channel and handle).
 */
export interface PackedBatch {
  count: number;
  /** Per mention: sourceId, createdAt, fetchedAt, reach, sentiment score (NaN: none), priority, author (-1: none). */
  numbers: Float64Array;
  /** Per mention: channel, lang, sentiment label, status, geo, assignee, as symbol numbers (-1: none). */
  symbols: Int32Array;
  /** Per mention: externalId, url, urlKey, text, parentExternalId, conversationId, raw. */
  strings: (string | null)[];
  /** Symbols first used in this batch, numbered on from the last batch's. */
  newSymbols: string[];
  /** Authors first used in this batch, numbered on: handle, displayName, followers, location for each. */
  newAuthors: (string | number | null)[];
}

const NUMBERS = 7;
const SYMBOLS = 6;
const STRINGS = 7;
const AUTHOR_FIELDS = 4;

/** The sending side: remembers which symbols and authors the receiver already has. */
export class BatchPacker {
  private readonly symbolIds = new Map<string, number>();
  /** channel → handle → number, as the writer caches them */
  private readonly authorIds = new Map<string, Map<string, number>>();
  private authorCount = 0;

  pack(mentions: readonly NewMention[]): PackedBatch {
    const count = mentions.length;
    const numbers = new Float64Array(count * NUMBERS);
    const symbols = new Int32Array(count * SYMBOLS);
    const strings: (string | null)[] = new Array<string | null>(count * STRINGS);
    const newSymbols: string[] = [];
    const newAuthors: (string | number | null)[] = [];
    const symbol = (value: string | null | undefined): number => {
      if (value === null || value === undefined) return -1;
      let id = this.symbolIds.get(value);
      if (id === undefined) {
        id = this.symbolIds.size;
        this.symbolIds.set(value, id);
        newSymbols.push(value);
      }
      return id;
    };
    for (let i = 0; i < count; i++) {
      const m = mentions[i]!;
      let author = -1;
      if (m.author) {
        let ids = this.authorIds.get(m.channel);
        if (!ids) this.authorIds.set(m.channel, (ids = new Map()));
        const known = ids.get(m.author.handle);
        if (known !== undefined) author = known;
        else {
          author = this.authorCount++;
          ids.set(m.author.handle, author);
          newAuthors.push(m.author.handle, m.author.displayName, m.author.followers, m.author.location);
        }
      }
      const n = i * NUMBERS;
      numbers[n] = m.sourceId;
      numbers[n + 1] = m.createdAt;
      numbers[n + 2] = m.fetchedAt;
      numbers[n + 3] = m.reach;
      numbers[n + 4] = m.sentiment ? m.sentiment.score : Number.NaN;
      numbers[n + 5] = m.priority;
      numbers[n + 6] = author;
      const s = i * SYMBOLS;
      symbols[s] = symbol(m.channel);
      symbols[s + 1] = symbol(m.lang);
      symbols[s + 2] = symbol(m.sentiment?.label);
      symbols[s + 3] = symbol(m.status);
      symbols[s + 4] = symbol(m.geo);
      symbols[s + 5] = symbol(m.assignee);
      const t = i * STRINGS;
      strings[t] = m.externalId;
      strings[t + 1] = m.url;
      strings[t + 2] = m.urlKey !== undefined ? m.urlKey : canonicalUrl(m.url);
      strings[t + 3] = m.text;
      strings[t + 4] = m.parentExternalId;
      strings[t + 5] = m.conversationId;
      strings[t + 6] = m.raw;
    }
    return { count, numbers, symbols, strings, newSymbols, newAuthors };
  }
}

/** The receiving side: the symbols and authors so far, and the mentions back as the writer takes them. */
export class BatchUnpacker {
  private readonly symbols: string[] = [];
  private readonly authors: NewAuthor[] = [];

  unpack(batch: PackedBatch): NewMention[] {
    for (const value of batch.newSymbols) this.symbols.push(value);
    const fresh = batch.newAuthors;
    for (let a = 0; a < fresh.length; a += AUTHOR_FIELDS) {
      this.authors.push({
        handle: fresh[a] as string,
        displayName: fresh[a + 1] as string | null,
        followers: fresh[a + 2] as number,
        location: fresh[a + 3] as string | null,
      });
    }
    const { count, numbers, symbols, strings } = batch;
    const symbol = (id: number): string | null => (id < 0 ? null : this.symbols[id]!);
    const mentions = new Array<NewMention>(count);
    for (let i = 0; i < count; i++) {
      const n = i * NUMBERS;
      const s = i * SYMBOLS;
      const t = i * STRINGS;
      const score = numbers[n + 4]!;
      const author = numbers[n + 6]!;
      const label = symbol(symbols[s + 2]!);
      mentions[i] = {
        sourceId: numbers[n]!,
        channel: symbol(symbols[s]!) as NewMention['channel'],
        externalId: strings[t]!,
        url: strings[t + 1]!,
        urlKey: strings[t + 2]!,
        author: author < 0 ? null : this.authors[author]!,
        text: strings[t + 3]!,
        lang: symbol(symbols[s + 1]!) as NewMention['lang'],
        createdAt: numbers[n + 1]!,
        fetchedAt: numbers[n + 2]!,
        parentExternalId: strings[t + 4]!,
        conversationId: strings[t + 5]!,
        reach: numbers[n + 3]!,
        geo: symbol(symbols[s + 4]!),
        sentiment: label === null ? null : { label: label as 'positive' | 'neutral' | 'negative', score },
        priority: numbers[n + 5]!,
        status: (symbol(symbols[s + 3]!) ?? undefined) as NewMention['status'],
        assignee: symbol(symbols[s + 5]!),
        raw: strings[t + 6]!,
      };
    }
    return mentions;
  }
}

/** Where the demo worker's code is (`workerEntry`); null: the demo is made in the writer's thread. */
export function demoWorkerEntry(): WorkerEntry | null {
  return workerEntry(import.meta.url, 'batch-worker.ts', 'demo-worker.js');
}

/** Batches the worker may run ahead of the writes: a few hundred ms of writing, a few MB. */
const CREDITS = 6;

/** The demo's batches, in the order of the stream, made in this thread (no worker). */
export async function* demoBatchesHere(
  options: DemoOptions,
  sourceId: number,
  batchSize: number,
): AsyncGenerator<NewMention[]> {
  let batch: NewMention[] = [];
  for (const mention of demoMentions(options, sourceId).mentions) {
    batch.push(mention);
    if (batch.length < batchSize) continue;
    yield batch;
    batch = [];
  }
  if (batch.length > 0) yield batch;
}

/**
 * The demo's batches made in a worker thread, yielded in order; the same mentions as `demoBatchesHere`. The
 * worker stays at most CREDITS batches ahead; leaving the loop early (a cancel, a failure while writing)
 * ends the worker. With `fullText`, the worker also builds their full-text index; the file is complete once
 * the last batch has come (the loop ran to its end).
 */
export async function* demoBatchesInWorker(
  entry: WorkerEntry,
  options: DemoOptions,
  sourceId: number,
  batchSize: number,
  fullText: FullTextSpec | null = null,
): AsyncGenerator<NewMention[]> {
  const data: DemoWorkerData = { options, sourceId, batchSize, credits: CREDITS, fullText };
  const unpacker = new BatchUnpacker();
  for await (const message of workerMessages<FromDemoWorker>(entry, data, "the demo's worker thread")) {
    if (message.type === 'error') throw new Error(`the demo's worker thread failed: ${message.message}`);
    yield unpacker.unpack(message.batch);
  }
}
