import { loadDutch } from './sentiment.ts';
import { createAnalyzer, tokenize } from '../electron/engine/analysis/index.ts';
const nl = loadDutch(); const a = createAnalyzer();
const rows = nl.map(r => { const e = a.explain(r.text,'nl'); const toks = tokenize(r.text); return { g: r.label, s: e.sentiment.score, hits: e.hits.length, words: toks.filter(t=>t.kind==='word').length, q: r.text.includes('?'), excl: r.text.includes('!'), url: toks.some(t=>t.kind==='url'), emoji: toks.some(t=>t.kind==='emoji'), pos: e.hits.filter(h=>h.valence>0).length, neg: e.hits.filter(h=>h.valence<0).length }; });
for (const g of ['positive','neutral','negative']) {
  const R = rows.filter(r=>r.g===g); const m = (f:(r:any)=>number)=> (R.reduce((s,r)=>s+f(r),0)/R.length).toFixed(2);
  console.log(g, R.length, 'score', m(r=>r.s), 'hits', m(r=>r.hits), 'pos', m(r=>r.pos), 'neg', m(r=>r.neg), 'words', m(r=>r.words), 'q', m(r=>+r.q), 'excl', m(r=>+r.excl), 'url', m(r=>+r.url), 'emoji', m(r=>+r.emoji), 'zero', m(r=>+(r.hits===0)));
}
// score histogram by class
const bins = [-1,-0.6,-0.3,-0.15,-0.05,-0.0001,0.0001,0.15,0.3,0.45,0.6,1.01];
for (let i=0;i<bins.length-1;i++){ const c = (g:string)=>rows.filter(r=>r.g===g&&r.s>=bins[i]!&&r.s<bins[i+1]!).length; console.log(`[${bins[i]},${bins[i+1]})`, 'pos',c('positive'),'neu',c('neutral'),'neg',c('negative')); }
