import { loadDutch, loadEnglish } from './sentiment.ts';
import { createAnalyzer } from '../electron/engine/analysis/index.ts';
type Label = 'positive'|'neutral'|'negative';
function macroF1(gold: Label[], pred: Label[]) {
  let sum = 0;
  for (const l of ['positive','neutral','negative'] as Label[]) {
    let tp=0,p=0,g=0; pred.forEach((x,i)=>{ if(x===l)p++; if(gold[i]===l)g++; if(x===l&&gold[i]===l)tp++;});
    const pr=p?tp/p:0, rc=g?tp/g:0; sum += pr+rc? 2*pr*rc/(pr+rc):0;
  }
  return sum/3;
}
const onlyNl = process.argv.includes('nl');
const nl = loadDutch(); const en = onlyNl ? [] : loadEnglish();
const a = createAnalyzer();
const nlScores = nl.map(r => a.analyze(r.text, 'nl').sentiment);
const lab = (s:number, p:number, n:number): Label => s>=p?'positive': s<=-n?'negative':'neutral';
const gold = nl.map(r=>r.label);
const halves = [0,1].map(k => nl.map((_,i)=>i).filter(i=>i%2===k));
const r3=(x:number)=>Math.round(x*1000)/1000;
const f1On = (idx:number[], p:number, n:number) => macroF1(idx.map(i=>gold[i]!), idx.map(i=>lab(nlScores[i]!.score,p,n)));
function tune(idx:number[]) { let best={p:0,n:0,f:-1}; for (let p=0;p<=0.8;p+=0.025) for (let n=0;n<=0.8;n+=0.025){const f=f1On(idx,p,n); if(f>best.f+1e-9) best={p,n,f};} return best; }
const tA = tune(halves[0]!), tB = tune(halves[1]!);
const all = nl.map((_,i)=>i);
const def = nlScores.map(s=>s.label);
const f = (idx:number[]) => r3(macroF1(idx.map(i=>gold[i]!), idx.map(i=>def[i]!)));
console.log(`NL default full ${f(all)} A ${f(halves[0]!)} B ${f(halves[1]!)} | tuneA(${r3(tA.p)},${r3(tA.n)})->B ${r3(f1On(halves[1]!, tA.p, tA.n))} tuneB(${r3(tB.p)},${r3(tB.n)})->A ${r3(f1On(halves[0]!, tB.p, tB.n))} zero ${nlScores.filter(s=>s.score===0).length}`);
if (!onlyNl) {
const enS = en.map(r => a.analyze(r.text, 'en').sentiment.score);
const by: Record<string, {ok:number,n:number,zero:number,A:number,B:number,nA:number,nB:number}> = {};
en.forEach((r,i)=>{ const s=enS[i]!; const ok = (s>0&&r.label==='positive')||(s<0&&r.label==='negative');
  const b = (by[r.set] ??= {ok:0,n:0,zero:0,A:0,B:0,nA:0,nB:0}); b.n++; if(ok)b.ok++; if(s===0)b.zero++;
  if(i%2===0){b.nA++; if(ok)b.A++;} else {b.nB++; if(ok)b.B++;} });
const tot = Object.values(by).reduce((x,b)=>({ok:x.ok+b.ok,n:x.n+b.n,A:x.A+b.A,B:x.B+b.B,nA:x.nA+b.nA,nB:x.nB+b.nB}),{ok:0,n:0,A:0,B:0,nA:0,nB:0});
console.log(`EN all ${r3(tot.ok/tot.n)} A ${r3(tot.A/tot.nA)} B ${r3(tot.B/tot.nB)} | ` + Object.entries(by).map(([k,b])=>`${k.slice(0,5)} ${r3(b.ok/b.n)} (A ${r3(b.A/b.nA)} B ${r3(b.B/b.nB)} zero ${r3(b.zero/b.n)})`).join(' '));
}
