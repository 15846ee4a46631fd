// `npm run bench` (or `npm run bench -- demo sentiment`): every benchmark, one JSON document on stdout.
// Each benchmark's module is loaded only when it runs: the sentiment bench loads other libraries (`natural`
// replaces Math.sign globally, and their tables take memory), which slowed the demo bench by ~10 s when
// they were loaded up front.
export {};

const BENCHMARKS: Record<string, () => Promise<Record<string, unknown>>> = {
  demo: async () => (await import('./demo')).benchDemo(),
  import: async () => (await import('./import')).benchImport(),
  sentiment: async () => (await import('./sentiment')).benchSentiment(),
  queries: async () => (await import('./queries')).benchQueries(),
  'trends-page': async () => (await import('./trends-page')).benchTrendsPage(),
  trends: async () => (await import('./trends')).benchTrends(),
  replies: async () => (await import('./replies')).benchReplies(),
  'composer-keystroke': async () => (await import('./composer-keystroke')).benchComposerKeystroke(),
  'inbox-scroll': async () => (await import('./inbox-scroll')).benchInboxScroll(),
  'first-paint': async () => (await import('./first-paint')).benchFirstPaint(),
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
