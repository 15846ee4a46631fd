import { createReadStream, statSync } from 'node:fs';
import { it } from 'vitest';
import { csvFormat } from './csv';
it('perf', async () => {
  for (const tz of ['UTC', 'Europe/Amsterdam']) {
    const start = performance.now();
    let n = 0, rej = 0;
    for await (const b of csvFormat.parse(createReadStream('/tmp/scratch/big.csv'), { fileName: 'big.csv', timeZone: tz })) { n += b.mentions.length; rej += b.rejects.length; }
    const s = (performance.now() - start) / 1000;
    console.log(tz, n, rej, s.toFixed(2), 's', Math.round(n / s), 'rows/s', statSync('/tmp/scratch/big.csv').size, 'rss MB', Math.round(process.memoryUsage().rss / 1e6));
  }
}, 600_000);
