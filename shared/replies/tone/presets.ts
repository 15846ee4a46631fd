import { z } from 'zod';
import { type BannedPhrase, ToneRule, type TonePreset, type ToneRuleInput } from '../model';

/**
 * The tone rules Watchpost ships with, in both languages: `public` for a Dutch public organisation
 * (u/uw, B1 language without officialese, no emoji) and `brand` for a brand (je/jij, warmer, a little emoji).
 * Severity: the form of address and personal data block sending; the rest warns.
 */

/** Officialese a Dutch public organisation replaces with plain words (B1, "Direct duidelijk"). */
const DUTCH_OFFICIALESE: BannedPhrase[] = [
  { phrase: 'middels', alternative: 'met' },
  { phrase: 'teneinde', alternative: 'om' },
  { phrase: 'derhalve', alternative: 'daarom' },
  { phrase: 'ten behoeve van', alternative: 'voor' },
  { phrase: 'conform', alternative: 'volgens' },
  { phrase: 'inzake', alternative: 'over' },
  { phrase: 'reeds', alternative: 'al' },
  { phrase: 'indien', alternative: 'als' },
  { phrase: 'alsmede', alternative: 'en' },
  { phrase: 'onverwijld', alternative: 'meteen' },
  { phrase: 'thans', alternative: 'nu' },
  { phrase: 'doch', alternative: 'maar' },
  { phrase: 'dient te', alternative: 'moet' },
  { phrase: 'u dient', alternative: 'u moet' },
  { phrase: 'in behandeling nemen', alternative: 'behandelen' },
];

/** Phrases that sound defensive or hollow in a Dutch reply. */
const DUTCH_HOLLOW: BannedPhrase[] = [
  { phrase: 'excuses voor het ongemak', alternative: 'sorry dat dit misging' },
  { phrase: 'wij betreuren', alternative: 'het spijt ons' },
  { phrase: 'daar kunnen wij niets aan doen', alternative: null },
  { phrase: 'dat is beleid', alternative: null },
];

const ENGLISH_HOLLOW: BannedPhrase[] = [
  { phrase: 'we apologise for any inconvenience', alternative: 'sorry about this' },
  { phrase: 'we apologize for any inconvenience', alternative: 'sorry about this' },
  { phrase: 'as per our policy', alternative: 'under our rules' },
  { phrase: 'there is nothing we can do', alternative: null },
  { phrase: 'your call is important to us', alternative: null },
];

/** Common abbreviations in capitals that are not shouting. */
const ACRONYMS = ['BSN', 'IBAN', 'COVID', 'GGD', 'WMO', 'HTML', 'NOS', 'ANWB', 'KVK', 'FAQ', 'AVG', 'GDPR', 'ASAP'];

/** A sign-off: `^Sanne` (webcare initials) or a closing greeting on the last line. */
const SIGNOFF_NL = ['\\^\\s?\\p{L}[\\p{L} .-]{0,30}', '(met )?(vriendelijke )?groet(en)?,?\\s*\\n?.{0,60}'];
const SIGNOFF_EN = [
  '\\^\\s?\\p{L}[\\p{L} .-]{0,30}',
  '(kind |best )?regards,?\\s*\\n?.{0,60}',
  'best wishes,?\\s*\\n?.{0,60}',
];

const PUBLIC: ToneRuleInput[] = [
  { id: 'address-nl', kind: 'address', form: 'u', severity: 'error', lang: 'nl' },
  { id: 'register-en', kind: 'register', register: 'formal', severity: 'warning', lang: 'en' },
  {
    id: 'banned-nl',
    kind: 'banned',
    severity: 'warning',
    lang: 'nl',
    phrases: [...DUTCH_OFFICIALESE, ...DUTCH_HOLLOW],
  },
  { id: 'banned-en', kind: 'banned', severity: 'warning', lang: 'en', phrases: ENGLISH_HOLLOW },
  {
    id: 'greeting-nl',
    kind: 'greeting',
    severity: 'warning',
    lang: 'nl',
    patterns: ['(beste|geachte|hallo|goedemorgen|goedemiddag|goedenavond|dag)\\b'],
    insert: 'Beste {{author.name}},',
  },
  {
    id: 'greeting-en',
    kind: 'greeting',
    severity: 'warning',
    lang: 'en',
    patterns: ['(dear|hello|hi|good (morning|afternoon|evening))\\b'],
    insert: 'Hello {{author.name}},',
  },
  {
    id: 'signoff-nl',
    kind: 'signoff',
    severity: 'warning',
    lang: 'nl',
    patterns: SIGNOFF_NL,
    insert: '^{{operator.firstName}}',
  },
  {
    id: 'signoff-en',
    kind: 'signoff',
    severity: 'warning',
    lang: 'en',
    patterns: SIGNOFF_EN,
    insert: '^{{operator.firstName}}',
  },
  { id: 'length', kind: 'length', severity: 'error' },
  { id: 'emoji', kind: 'emoji', severity: 'warning', policy: 'none' },
  { id: 'exclamation', kind: 'exclamation', severity: 'warning', max: 1 },
  { id: 'shouting', kind: 'shouting', severity: 'warning', minLength: 4, allow: ACRONYMS },
  { id: 'readability', kind: 'readability', severity: 'warning', maxSentenceWords: 20, minReadingEase: 60 },
  { id: 'privacy', kind: 'privacy', severity: 'error' },
];

const BRAND: ToneRuleInput[] = [
  { id: 'address-nl', kind: 'address', form: 'je', severity: 'error', lang: 'nl' },
  { id: 'register-en', kind: 'register', register: 'informal', severity: 'warning', lang: 'en' },
  {
    id: 'banned-nl',
    kind: 'banned',
    severity: 'warning',
    lang: 'nl',
    phrases: [...DUTCH_HOLLOW, ...DUTCH_OFFICIALESE.slice(0, 10)],
  },
  { id: 'banned-en', kind: 'banned', severity: 'warning', lang: 'en', phrases: ENGLISH_HOLLOW },
  {
    id: 'greeting-nl',
    kind: 'greeting',
    severity: 'warning',
    lang: 'nl',
    patterns: ['(hoi|hey|hallo|hi|goedemorgen|goedemiddag|goedenavond|dag)\\b'],
    insert: 'Hoi {{author.name}},',
  },
  {
    id: 'greeting-en',
    kind: 'greeting',
    severity: 'warning',
    lang: 'en',
    patterns: ['(hi|hey|hello|good (morning|afternoon|evening))\\b'],
    insert: 'Hi {{author.name}},',
  },
  {
    id: 'signoff-nl',
    kind: 'signoff',
    severity: 'warning',
    lang: 'nl',
    patterns: SIGNOFF_NL,
    insert: '^{{operator.firstName}}',
  },
  {
    id: 'signoff-en',
    kind: 'signoff',
    severity: 'warning',
    lang: 'en',
    patterns: SIGNOFF_EN,
    insert: '^{{operator.firstName}}',
  },
  { id: 'length', kind: 'length', severity: 'error' },
  { id: 'emoji', kind: 'emoji', severity: 'warning', policy: 'max', max: 2 },
  { id: 'exclamation', kind: 'exclamation', severity: 'warning', max: 2 },
  { id: 'shouting', kind: 'shouting', severity: 'warning', minLength: 4, allow: ACRONYMS },
  { id: 'readability', kind: 'readability', severity: 'warning', maxSentenceWords: 25, minReadingEase: 50 },
  { id: 'privacy', kind: 'privacy', severity: 'error' },
];

const RuleList = z.array(ToneRule);

/** The rules of a preset, with every default filled in (a fresh copy each call). */
export function tonePreset(preset: TonePreset): ToneRule[] {
  return RuleList.parse(preset === 'public' ? PUBLIC : BRAND);
}

/** Problems in a rule set that the schema cannot see: duplicate ids and patterns that are not valid regular expressions. */
export function validateToneRules(rules: readonly ToneRule[]): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const ids = new Set<string>();
  rules.forEach((rule, index) => {
    if (ids.has(rule.id)) problems.push({ path: `rules[${index}].id`, message: `the id "${rule.id}" is used twice` });
    ids.add(rule.id);
    if (rule.kind === 'greeting' || rule.kind === 'signoff') {
      rule.patterns.forEach((pattern, patternIndex) => {
        try {
          new RegExp(pattern, 'iu');
        } catch (error) {
          problems.push({
            path: `rules[${index}].patterns[${patternIndex}]`,
            message: `not a valid pattern: ${error instanceof Error ? error.message : String(error)}`,
          });
        }
      });
    }
  });
  return problems;
}
