import fs from 'node:fs';
import { createAnalyzer } from '../electron/engine/analysis/index.ts';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const vader = require('vader-sentiment');
const a = createAnalyzer();
for (const set of ['amazonReviewSnippets', 'movieReviewSnippets', 'nytEditorialSnippets']) {
  const rows = fs.readFileSync(`../shared/reference/sentiment-dev/en/${set}_GroundTruth.txt`,'utf8').split(/\r?\n/).map(l=>l.split('\t')).filter(p=>p.length>=3&&Number(p[1])!==0).map(p=>({m:Number(p[1]),t:p.slice(2).join('\t')}));
  const buckets = [[0,0.5],[0.5,1],[1,2],[2,5]];
  const out: string[] = [];
  for (const [lo,hi] of buckets) {
    const R = rows.filter(r=>Math.abs(r.m)>=lo!&&Math.abs(r.m)<hi!);
    const ok = R.filter(r=>{const s=a.analyze(r.t,'en').sentiment.score; return s*r.m>0;}).length;
    const okV = R.filter(r=>{const s=vader.SentimentIntensityAnalyzer.polarity_scores(r.t).compound; return s*r.m>0;}).length;
    out.push(`|m| ${lo}-${hi}: n=${R.length} (${(R.length/rows.length*100).toFixed(0)}%) ours ${(ok/R.length).toFixed(3)} vader ${(okV/R.length).toFixed(3)}`);
  }
  const pos = rows.filter(r=>r.m>0).length/rows.length;
  console.log(set, 'n', rows.length, 'positive share', pos.toFixed(3), '\n  ' + out.join('\n  '));
}
