import { loadDutch, loadEnglish } from './sentiment.ts';
import { createAnalyzer, tokenize } from '../electron/engine/analysis/index.ts';
const nl = loadDutch(); const en = loadEnglish().slice(0,3000);
const a = createAnalyzer();
for (let pass=0; pass<3; pass++) {
  let t = performance.now(); for (const r of nl) a.analyze(r.text,'nl'); const nlus = (performance.now()-t)*1000/nl.length;
  t = performance.now(); for (const r of en) a.analyze(r.text,'en'); const enus = (performance.now()-t)*1000/en.length;
  t = performance.now(); for (const r of nl) tokenize(r.text); const tokus = (performance.now()-t)*1000/nl.length;
  console.log({pass, nlus, enus, tokus});
}
