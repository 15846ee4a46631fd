import { loadDutch } from './sentiment.ts';
import { dutchCandidates, englishCognates, splitDutchCompound } from '../electron/engine/analysis/morphology.ts';
import { tokenize } from '../electron/engine/analysis/tokenize.ts';
const nl = loadDutch();
const words = new Set<string>(); for (const r of nl) for (const t of tokenize(r.text)) if (t.kind==='word') words.add(t.norm);
const ws=[...words]; const m = new Map([['storing',1]]);
for (const [name, f] of [['cand', (w:string)=>dutchCandidates(w)], ['cog', (w:string)=>englishCognates(w)], ['split', (w:string)=>splitDutchCompound(w, h=>m.get(h), h=>m.has(h))]] as const) {
  for (let k=0;k<2;k++){ const t=performance.now(); for (const w of ws) (f as any)(w); console.log(name, (performance.now()-t)*1000/ws.length); }
}
