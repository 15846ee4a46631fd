import { describe, expect, it } from 'vitest';
import type { ToneContext, ToneRule } from '../model';
import { applyFix, checkTone, hasErrors } from './check';
import { tonePreset, validateToneRules } from './presets';
import { isIban, passesElevenTest } from './privacy';

const nl: ToneContext = { channel: 'x', lang: 'nl', public: true };
const en: ToneContext = { channel: 'x', lang: 'en', public: true };
const only = (rules: ToneRule[], kind: ToneRule['kind']) => rules.filter((rule) => rule.kind === kind);
const fixAll = (text: string, rules: ToneRule[], context: ToneContext) => {
  let current = text;
  for (let i = 0; i < 20; i += 1) {
    const finding = checkTone(current, rules, context).find((f) => f.fix);
    if (!finding?.fix) return current;
    current = applyFix(current, finding.fix);
  }
  return current;
};

describe('form of address', () => {
  const publicRules = only(tonePreset('public'), 'address');
  const brandRules = only(tonePreset('brand'), 'address');

  it('finds je/jij/jouw in a u-organisation as errors, with the offsets of the word', () => {
    const text = 'Beste Jan, heb jij jouw pakket al?';
    const findings = checkTone(text, publicRules, nl);
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['heb jij', 'jouw']);
    expect(findings.every((f) => f.severity === 'error' && f.messageKey === 'tone.finding.address')).toBe(true);
    expect(hasErrors(findings)).toBe(true);
  });

  it('fixes pronoun, possessive and inverted verb in one click each', () => {
    expect(fixAll('Kun je ons je postcode sturen?', publicRules, nl)).toBe('Kunt u ons uw postcode sturen?');
    expect(fixAll('Als je wilt, bellen we je. Je pakket is onderweg.', publicRules, nl)).toBe(
      'Als u wilt, bellen we u. Uw pakket is onderweg.',
    );
    expect(fixAll('Heeft u uw pakket ontvangen?', brandRules, nl)).toBe('Heb je je pakket ontvangen?');
    expect(fixAll('Dank voor uw bericht, u hoort van ons.', brandRules, nl)).toBe(
      'Dank voor je bericht, je hoort van ons.',
    );
  });

  it('leaves the right form and English replies alone', () => {
    expect(checkTone('Kunt u ons uw postcode sturen?', publicRules, nl)).toEqual([]);
    expect(checkTone('Can you send us your postcode?', publicRules, en)).toEqual([]);
  });
});

describe('words, greeting and sign-off', () => {
  const rules = tonePreset('public');

  it('suggests plain words for officialese and keeps the capital', () => {
    const text = 'Middels dit bericht laten we weten dat het reeds is opgelost.';
    const findings = checkTone(text, only(rules, 'banned'), nl);
    expect(findings.map((f) => [f.params.found, f.fix?.replacement])).toEqual([
      ['Middels', 'Met'],
      ['reeds', 'al'],
    ]);
  });

  it('flags casual English in a formal register', () => {
    const findings = checkTone('Hey, we are gonna fix it asap', only(rules, 'register'), en);
    expect(findings.map((f) => f.fix?.replacement)).toEqual(['Hello', 'going to', 'as soon as possible']);
  });

  it('asks for a greeting and a sign-off and inserts them with the values filled in', () => {
    const text = 'We kijken ernaar.';
    const rulesHere = [...only(rules, 'greeting'), ...only(rules, 'signoff')];
    const findings = checkTone(text, rulesHere, nl, {
      values: { author: { name: 'Jan' }, operator: { firstName: 'Sanne' } },
    });
    expect(findings.map((f) => f.kind)).toEqual(['greeting', 'signoff']);
    const fixed = applyFix(applyFix(text, findings[1]!.fix!), findings[0]!.fix!);
    expect(fixed).toBe('Beste Jan,\nWe kijken ernaar.\n^Sanne');
    expect(checkTone(fixed, rulesHere, nl)).toEqual([]);
  });
});

describe('marks, length and readability', () => {
  const rules = tonePreset('public');

  it('flags emoji, repeated and too many exclamation marks and shouting, with fixes', () => {
    const text = 'Dat is ONACCEPTABEL!!! Sorry 😀 BSN gaat goed!';
    const findings = checkTone(
      text,
      [...only(rules, 'emoji'), ...only(rules, 'exclamation'), ...only(rules, 'shouting')],
      nl,
    );
    expect(findings.map((f) => f.messageKey)).toEqual([
      'tone.finding.shouting',
      'tone.finding.exclamation.repeated',
      'tone.finding.emoji.none',
      'tone.finding.exclamation.max',
    ]);
    expect(
      fixAll(
        text,
        rules.filter((r) => ['emoji', 'exclamation', 'shouting'].includes(r.kind)),
        nl,
      ),
    ).toBe('Dat is onacceptabel! Sorry BSN gaat goed.');
  });

  it('blocks a reply past the channel limit, counted as the channel counts', () => {
    const text = `${'a'.repeat(250)} https://example.com/${'x'.repeat(40)}`;
    expect(checkTone(text, only(rules, 'length'), nl)).toEqual([]);
    const long = 'b'.repeat(281);
    const [finding] = checkTone(long, only(rules, 'length'), nl);
    expect(finding).toMatchObject({ severity: 'error', start: 280, end: 281, params: { length: 281, limit: 280 } });
    expect(checkTone(long, only(rules, 'length'), { ...nl, channel: 'mastodon' })).toEqual([]);
  });

  it('flags long sentences and a low reading ease', () => {
    const long = `${Array.from({ length: 24 }, (_, i) => `woord${i}`).join(' ')}.`;
    expect(checkTone(long, only(rules, 'readability'), nl)[0]).toMatchObject({
      messageKey: 'tone.finding.readability.sentence',
      params: { words: 24, max: 20 },
    });
    const hard =
      'De gemeentelijke verantwoordelijkheidsverdeling aangaande infrastructurele voorzieningen vereist interdepartementale afstemming. ' +
      'Onderhoudswerkzaamheden worden geprioriteerd overeenkomstig beleidsmatige uitgangspunten. ' +
      'Belanghebbenden ontvangen aanvullende informatievoorziening middels gebruikelijke communicatiekanalen. ' +
      'Eventuele onduidelijkheden kunnen worden voorgelegd aan de verantwoordelijke afdeling.';
    const ease = checkTone(hard, only(rules, 'readability'), nl).find(
      (f) => f.messageKey === 'tone.finding.readability.ease',
    );
    expect(ease?.params.formula).toBe('flesch-douma');
    expect(Number(ease?.params.score)).toBeLessThan(60);
  });
});

describe('personal data', () => {
  const rules = only(tonePreset('public'), 'privacy');

  it('finds phone numbers, e-mail, IBAN and BSN in a public reply only', () => {
    const text =
      'Bel 06-12345678 of +31 20 123 4567, mail jan@voorbeeld.nl, IBAN NL91 ABNA 0417 1643 00, BSN 111222333.';
    const findings = checkTone(text, rules, nl);
    expect(findings.map((f) => [f.messageKey, text.slice(f.start, f.end)])).toEqual([
      ['tone.finding.privacy.phone', '06-12345678'],
      ['tone.finding.privacy.phone', '+31 20 123 4567'],
      ['tone.finding.privacy.email', 'jan@voorbeeld.nl'],
      ['tone.finding.privacy.iban', 'NL91 ABNA 0417 1643 00'],
      ['tone.finding.privacy.bsn', '111222333'],
    ]);
    expect(checkTone(text, rules, { ...nl, public: false })).toEqual([]);
  });

  it('allows the organisation’s own contact details and ignores numbers that fail the checks', () => {
    const allowing: ToneRule[] = rules.map((rule) =>
      rule.kind === 'privacy' ? { ...rule, allow: ['info@gemeente.nl'] } : rule,
    );
    expect(checkTone('Mail info@gemeente.nl, zaak 123456789', allowing, nl)).toEqual([]);
    expect(passesElevenTest('111222333')).toBe(true);
    expect(passesElevenTest('123456789')).toBe(false);
    expect(isIban('NL91ABNA0417164300')).toBe(true);
    expect(isIban('NL92ABNA0417164300')).toBe(false);
  });
});

describe('rule sets', () => {
  it('ship for a public organisation and a brand, and both pass their own check', () => {
    for (const preset of ['public', 'brand'] as const) {
      const rules = tonePreset(preset);
      expect(validateToneRules(rules)).toEqual([]);
      expect(new Set(rules.map((r) => r.lang))).toEqual(new Set(['nl', 'en', 'any']));
    }
  });

  it('reports a bad pattern by its path', () => {
    const rules = tonePreset('public').map((rule) =>
      rule.kind === 'greeting' ? { ...rule, patterns: ['(beste'] } : rule,
    );
    expect(validateToneRules(rules)[0]?.path).toBe('rules[4].patterns[0]');
  });
});
