import { loadDutch } from './sentiment.ts';
import { createAnalyzer } from '../electron/engine/analysis/index.ts';
const nl = loadDutch();
const a = createAnalyzer();
let t = performance.now(); for (const r of nl) a.analyze(r.text,'nl'); console.log((performance.now()-t)*1000/nl.length);
