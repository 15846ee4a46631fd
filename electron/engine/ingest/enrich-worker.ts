import { parentPort, workerData } from 'node:worker_threads';
import { WatchpostError } from '../../../shared/api/result';
import { createAnalyzer } from '../analysis/index';
import { canonicalUrl } from '../mentions/url';
import { formatById } from './formats';
import { enrichMention, type Analyze } from './pipeline';
import { readCounting } from './read-file';
import type { EnrichWorkerData, FromEnrichWorker, ToEnrichWorker } from './enrich-source';

// An import's second thread: reads the file, parses, normalizes and enriches (language, sentiment,
// priority, canonical URL) and hands the engine's thread batches ready to store. It never opens the
// workspace: the engine's thread dedupes and writes. It runs at most `credits` batches ahead.
const port = parentPort;
if (!port) throw new Error('enrich-worker must run as a worker thread');
const data = workerData as EnrichWorkerData;
const send = (message: FromEnrichWorker): void => port.postMessage(message);

let credits = data.credits;
let wake: (() => void) | null = null;
port.on('message', (message: ToEnrichWorker) => {
  if (message.type !== 'credit') return;
  credits += 1;
  wake?.();
  wake = null;
});

function analyzeFor(spec: EnrichWorkerData['enrichment']): Analyze {
  if ('fixed' in spec) return () => spec.fixed;
  const analyzer = createAnalyzer(spec.analyzer);
  return (text) => analyzer.analyze(text);
}

async function run(): Promise<void> {
  const analyze = analyzeFor(data.enrichment);
  let bytesRead = 0;
  const input = readCounting(data.file, (bytes) => {
    bytesRead += bytes;
  });
  for await (const batch of formatById(data.format).parse(input, data.parse)) {
    const mentions = batch.mentions.map((parsed) => {
      const mention = enrichMention(analyze, data, parsed);
      mention.urlKey = canonicalUrl(mention.url);
      return mention;
    });
    while (credits <= 0) await new Promise<void>((resolve) => (wake = resolve));
    credits -= 1;
    send({ type: 'batch', mentions, rejects: batch.rejects, bytesRead });
  }
  send({ type: 'done', bytesRead });
}

run().catch((err: unknown) => {
  send({
    type: 'error',
    code: err instanceof WatchpostError ? err.code : null,
    message: err instanceof Error ? err.message : String(err),
  });
});
