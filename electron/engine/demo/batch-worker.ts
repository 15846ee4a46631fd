import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { NewMention } from '../mentions/write';
import { BatchPacker, type DemoWorkerData, type FromDemoWorker, type ToDemoWorker } from './batches';
import { demoMentions } from './mentions';

// The demo's second thread: makes the mentions (mentions.ts), works out their canonical URL keys and hands
// the writer's thread packed batches (batches.ts). It never opens the workspace. It runs at most `credits`
// batches ahead. Asked to, it also builds the mentions' full-text index in a file of its own, as FTS5's
// 'rebuild' would build it in the workspace: the same table definition, the same texts under the same ids,
// all in one transaction.
const port = parentPort;
if (!port) throw new Error('batch-worker must run as a worker thread');
const data = workerData as DemoWorkerData;
const send = (message: FromDemoWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

let credits = data.credits;
let wake: (() => void) | null = null;
port.on('message', (message: ToDemoWorker) => {
  if (message.type !== 'credit') return;
  credits += 1;
  wake?.();
  wake = null;
});

/** An FTS5 table like the workspace's over an empty stand-in for its content table (only 'rebuild' reads that). */
function openFullText(spec: NonNullable<DemoWorkerData['fullText']>): { add(text: string): void; close(): void } {
  const db = new Database(spec.file);
  // A scratch file: the writer's thread reads it only once it is complete, and deletes it afterwards.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec('CREATE TABLE mentions (id INTEGER PRIMARY KEY, text TEXT)');
  db.exec(spec.sql);
  const insert = db.prepare<[number, string]>('INSERT INTO mentions_fts (rowid, text) VALUES (?, ?)');
  let id = spec.firstId;
  db.exec('BEGIN');
  return {
    add: (text) => void insert.run(id++, text),
    close: () => {
      db.exec('COMMIT');
      db.close();
    },
  };
}

async function run(): Promise<void> {
  const packer = new BatchPacker();
  const fullText = data.fullText ? openFullText(data.fullText) : null;
  let batch: NewMention[] = [];
  const flush = async (): Promise<void> => {
    const packed = packer.pack(batch);
    batch = [];
    while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
    credits -= 1;
    send({ type: 'batch', batch: packed }, [
      packed.numbers.buffer as ArrayBuffer,
      packed.symbols.buffer as ArrayBuffer,
    ]);
  };
  for (const mention of demoMentions(data.options, data.sourceId).mentions) {
    batch.push(mention);
    if (batch.length < data.batchSize) continue;
    // Packed and sent first, indexed while the writer stores them.
    const texts = batch.map((m) => m.text);
    await flush();
    if (fullText) for (const text of texts) fullText.add(text);
  }
  const texts = batch.map((m) => m.text);
  if (batch.length > 0) await flush();
  if (fullText) {
    for (const text of texts) fullText.add(text);
    fullText.close();
  }
  send({ type: 'done' });
}

run().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
});
