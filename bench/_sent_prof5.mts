import { loadDutch } from './sentiment.ts';
import { SentimentLexicon } from '../electron/engine/analysis/lexicon.ts';
import { tokenize } from '../electron/engine/analysis/tokenize.ts';
const nl = loadDutch();
const words = new Set<string>(); for (const r of nl) for (const t of tokenize(r.text)) if (t.kind==='word') words.add(t.norm);
const ws=[...words];
const lex: any = new SentimentLexicon('nl'); for (const w of ['kapotgemaakte','onbeschoftheid','informatief','treinstoringen']) lex.valence(w);
const P = Object.getPrototypeOf(lex); const tm: Record<string, number> = {};
for (const name of ['inflectedDutch','compoundHead','dutch','direct']) { const f = P[name]; P[name] = function(...a: any[]) { const t = performance.now(); const r = f.apply(this, a); tm[name] = (tm[name]??0) + performance.now() - t; return r; }; }
let t = performance.now(); for (const w of ws) lex.valence(w); const cold = (performance.now()-t)*1000/ws.length;
console.log({cold, ...Object.fromEntries(Object.entries(tm).map(([k,v])=>[k, v*1000/ws.length]))});
