import { tonePreset } from '../shared/replies/tone/presets';
import { checkTone } from '../shared/replies/tone/check';
import { countForChannel } from '../shared/replies/count';

/**
 * The tone guard per keystroke (budget: under 16 ms for a 2,000-character reply): every default rule of
 * both presets on a Dutch reply that trips most of them, measured as the composer runs it — once per edit.
 */

const PARAGRAPH =
  'Beste Jan, kun je ons je postcode sturen? Middels dit bericht laten we weten dat het reeds is opgelost!! ' +
  'Bel ons op 06-12345678 of mail naar jan@voorbeeld.nl 😀 Dit is ECHT vervelend en dat begrijpen we heel goed, ' +
  'want niemand wil dat de lantaarnpaal in de straat wekenlang kapot is terwijl er al meerdere meldingen zijn gedaan. ' +
  'Zie https://www.eindhoven.nl/melding voor de planning. ';

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

export async function benchReplies(): Promise<Record<string, unknown>> {
  let text = '';
  while (text.length < 2000) text += PARAGRAPH;
  text = text.slice(0, 2000);
  const results: Record<string, unknown> = { characters: text.length };
  for (const preset of ['public', 'brand'] as const) {
    const rules = tonePreset(preset);
    for (let i = 0; i < 50; i += 1) checkTone(text, rules, { channel: 'x', lang: 'nl', public: true });
    const times: number[] = [];
    let findings = 0;
    for (let i = 0; i < 500; i += 1) {
      // A keystroke changes the text: vary one character so nothing can be cached on the text itself.
      const typed = text.slice(0, 1000) + String.fromCharCode(97 + (i % 26)) + text.slice(1001);
      const started = performance.now();
      findings = checkTone(typed, rules, { channel: 'x', lang: 'nl', public: true }).length;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    results[`checkTone_${preset}`] = {
      findings,
      p50Ms: Number(percentile(times, 0.5).toFixed(3)),
      p95Ms: Number(percentile(times, 0.95).toFixed(3)),
      maxMs: Number(times[times.length - 1]!.toFixed(3)),
      budgetMs: 16,
    };
  }
  const started = performance.now();
  for (let i = 0; i < 500; i += 1) countForChannel(text, 'x');
  results.countForChannel_x_ms = Number(((performance.now() - started) / 500).toFixed(3));
  return results;
}
