import { benchComposerKeystroke } from './composer-keystroke';
import { benchDemo } from './demo';
import { benchImport } from './import';
import { benchInboxScroll } from './inbox-scroll';
import { benchQueries } from './queries';
import { benchReplies } from './replies';
import { benchSentiment } from './sentiment';
import { benchTrendsPage } from './trends-page';
import { benchTrends } from './trends';

// `npm run bench` (or `npm run bench -- demo sentiment`): every benchmark, one JSON document on stdout.
const BENCHMARKS: Record<string, () => Promise<Record<string, unknown>>> = {
  demo: benchDemo,
  import: benchImport,
  sentiment: benchSentiment,
  queries: benchQueries,
  'trends-page': benchTrendsPage,
  trends: benchTrends,
  replies: benchReplies,
  'composer-keystroke': benchComposerKeystroke,
  'inbox-scroll': benchInboxScroll,
};

const wanted = process.argv.slice(2).filter((name) => !name.startsWith('-'));
const unknown = wanted.filter((name) => !(name in BENCHMARKS));
if (unknown.length) {
  process.stderr.write(
    `watchpost bench: unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}\n`,
  );
  process.exit(1);
}
const results: Record<string, unknown> = {
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
};
for (const name of wanted.length ? wanted : Object.keys(BENCHMARKS)) {
  process.stderr.write(`bench: ${name}...\n`);
  const started = performance.now();
  try {
    results[name] = await BENCHMARKS[name]!();
  } catch (err) {
    // One broken benchmark must not cost the figures of the others.
    results[name] = { error: err instanceof Error ? err.message : String(err) };
  }
  process.stderr.write(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
}
console.log(JSON.stringify(results, null, 2));
