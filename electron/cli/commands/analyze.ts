import { createInterface } from 'node:readline';
import { Engine } from '../../engine/engine';
import { inProcessEngine } from '../../engine/in-process';
import { CliError, parseCommandArgs } from '../args';
import type { Io } from '../io';
import { call } from '../workspace';

export const analyzeHelp = `Usage: watchpost analyze [--lang nl|en] [--json] < posts.txt

Reads one post per line on stdin and prints, per line and in order, its language and sentiment:
{ "lang": "nl", "sentiment": { "label": "negative", "score": -0.62 } }

  --lang nl|en   score every post in this language instead of detecting it
  --json         one JSON object per line (the default; the flag is accepted for scripts)
`;

const BATCH = 2000;

export async function analyzeCommand(
  argv: string[],
  io: Io,
  input: NodeJS.ReadableStream = process.stdin,
): Promise<number> {
  const { values } = parseCommandArgs('analyze', argv, {
    lang: { type: 'string' },
    json: { type: 'boolean', default: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.out(analyzeHelp);
    return 0;
  }
  if (values.lang !== undefined && values.lang !== 'nl' && values.lang !== 'en') {
    throw new CliError(`analyze: --lang must be nl or en, not '${values.lang}'`);
  }
  const lang = values.lang as 'nl' | 'en' | undefined;
  // Analysis needs no workspace: a throw-away in-memory one gives the built-in lexicons.
  const engine = inProcessEngine(Engine.open({ dataDir: ':memory:', log: () => {} }));
  try {
    let batch: string[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const results = await call(engine, 'analysis.analyze', { texts: batch, lang });
      io.out(results.map((result) => JSON.stringify(result)).join('\n') + '\n');
      batch = [];
    };
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      batch.push(line);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    return 0;
  } finally {
    await engine.close();
  }
}
