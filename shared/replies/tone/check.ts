import { countForChannel, CHANNEL_LIMITS } from '../count';
import type { ToneContext, ToneFinding, ToneFix, ToneRule } from '../model';
import { LEADING_MENTIONS } from '../mention';
import { renderTemplate } from '../template';
import { findAddress } from './address';
import { emojiKey, findEmoji, findExclamations, findShouting, removal } from './marks';
import { CASUAL_ENGLISH, findPhrases, STIFF_ENGLISH } from './phrases';
import { findPersonalData } from './privacy';
import { longSentences, readingEase } from './readability';
import { modelText, type TextModel } from './text';

/**
 * The tone-of-voice guard: checks a reply against the organisation's rules and returns findings with
 * offsets, an i18n message key with parameters, and a one-click fix where one exists. Deterministic and
 * pure: the composer runs it on every keystroke, the engine runs it again before sending.
 *
 * Message keys (`tone.finding.*`) and their parameters:
 * - address `{ found, suggestion, form }` · register `{ found, suggestion, register }` · banned `{ found, suggestion }`
 * - greeting / signoff `{ insert }` · length `{ length, limit, channel }`
 * - emoji.none `{ found }` · emoji.max `{ found, max, count }` · emoji.allowed `{ found }`
 * - exclamation.repeated `{ found }` · exclamation.max `{ max, count }` · shouting `{ found, suggestion }`
 * - readability.sentence `{ words, max }` · readability.ease `{ score, min, formula }`
 * - privacy.phone / privacy.email / privacy.iban / privacy.bsn `{ found }`
 * Each kind explains itself under `tone.explain.<kind>`.
 */

export interface CheckOptions {
  /** Values for `{{variables}}` in a greeting or sign-off fix (operator.firstName...). */
  values?: Record<string, unknown>;
}

type Emit = (finding: Omit<ToneFinding, 'ruleId' | 'kind' | 'severity' | 'note' | 'explanationKey'>) => void;

const compiled = new Map<string, RegExp | null>();

/** A rule pattern compiled once; null when it is not a valid regular expression (validateToneRules says so). */
function compilePattern(source: string, anchor: 'start' | 'end'): RegExp | null {
  const key = `${anchor}\u0000${source}`;
  if (!compiled.has(key)) {
    try {
      // A greeting may follow the @mentions a Mastodon reply starts with.
      const start = `${LEADING_MENTIONS.source}(?:${source})`;
      compiled.set(key, new RegExp(anchor === 'start' ? start : `(?:${source})[\\s.!]*$`, 'iu'));
    } catch {
      compiled.set(key, null);
    }
  }
  return compiled.get(key) ?? null;
}

function applies(rule: ToneRule, context: ToneContext): boolean {
  if (!rule.enabled) return false;
  if (rule.lang !== 'any' && rule.lang !== context.lang) return false;
  return rule.channels.length === 0 || rule.channels.includes(context.channel);
}

function checkRule(rule: ToneRule, model: TextModel, context: ToneContext, options: CheckOptions, emit: Emit): void {
  const { text } = model;
  switch (rule.kind) {
    case 'address': {
      if (context.lang !== 'nl') return;
      for (const hit of findAddress(model, rule.form)) {
        emit({
          start: hit.start,
          end: hit.end,
          messageKey: 'tone.finding.address',
          params: { found: hit.found, suggestion: hit.replacement, form: rule.form },
          fix: { start: hit.start, end: hit.end, replacement: hit.replacement },
        });
      }
      return;
    }
    case 'register': {
      const list = rule.register === 'formal' ? CASUAL_ENGLISH : STIFF_ENGLISH;
      for (const hit of findPhrases(text, list)) {
        emit({
          start: hit.start,
          end: hit.end,
          messageKey: 'tone.finding.register',
          params: { found: hit.found, suggestion: hit.replacement ?? '', register: rule.register },
          fix: hit.replacement === null ? undefined : phraseFix(text, hit.start, hit.end, hit.replacement),
        });
      }
      return;
    }
    case 'banned': {
      for (const hit of findPhrases(text, rule.phrases)) {
        emit({
          start: hit.start,
          end: hit.end,
          messageKey: 'tone.finding.banned',
          params: { found: hit.found, suggestion: hit.replacement ?? '' },
          fix: hit.replacement === null ? undefined : phraseFix(text, hit.start, hit.end, hit.replacement),
        });
      }
      return;
    }
    case 'greeting':
    case 'signoff': {
      if (!text.trim()) return;
      const anchor = rule.kind === 'greeting' ? 'start' : 'end';
      const patterns = rule.patterns.map((source) => compilePattern(source, anchor)).filter((p) => p !== null);
      if (patterns.length === 0 || patterns.some((pattern) => pattern.test(text))) return;
      const insert =
        options.values && rule.insert.includes('{{') ? renderTemplate(rule.insert, options.values) : rule.insert;
      const lineBreak = text.indexOf('\n');
      const leading = rule.kind === 'greeting' ? (LEADING_MENTIONS.exec(text)?.[0].length ?? 0) : 0;
      const trimmedEnd = text.trimEnd().length;
      const lastBreak = text.lastIndexOf('\n', trimmedEnd - 1);
      const [start, end] =
        rule.kind === 'greeting'
          ? [0, lineBreak === -1 ? trimmedEnd : lineBreak]
          : [lastBreak === -1 ? 0 : lastBreak + 1, trimmedEnd];
      let fix: ToneFix | undefined;
      if (insert.trim()) {
        fix =
          rule.kind === 'greeting'
            ? { start: leading, end: leading, replacement: `${insert.trim()}\n` }
            : { start: trimmedEnd, end: text.length, replacement: `\n${insert.trim()}` };
      }
      emit({ start, end, messageKey: `tone.finding.${rule.kind}`, params: { insert: insert.trim() }, fix });
      return;
    }
    case 'length': {
      const limit = rule.limits[context.channel] ?? CHANNEL_LIMITS[context.channel];
      if (limit === undefined) return;
      const counted = countForChannel(text, context.channel, limit);
      if (counted.overflowAt === null) return;
      emit({
        start: counted.overflowAt,
        end: text.length,
        messageKey: 'tone.finding.length',
        params: { length: counted.length, limit, channel: context.channel },
      });
      return;
    }
    case 'emoji': {
      const emoji = findEmoji(text);
      if (rule.policy === 'none') {
        for (const hit of emoji) {
          emit({
            ...hit,
            messageKey: 'tone.finding.emoji.none',
            params: { found: hit.found },
            fix: removal(text, hit.start, hit.end),
          });
        }
      } else if (rule.policy === 'max') {
        for (const hit of emoji.slice(rule.max)) {
          emit({
            ...hit,
            messageKey: 'tone.finding.emoji.max',
            params: { found: hit.found, max: rule.max, count: emoji.length },
            fix: removal(text, hit.start, hit.end),
          });
        }
      } else {
        const allowed = new Set(rule.allowed.map(emojiKey));
        for (const hit of emoji) {
          if (allowed.has(emojiKey(hit.found))) continue;
          emit({
            ...hit,
            messageKey: 'tone.finding.emoji.allowed',
            params: { found: hit.found },
            fix: removal(text, hit.start, hit.end),
          });
        }
      }
      return;
    }
    case 'exclamation': {
      const runs = findExclamations(text);
      let count = 0;
      for (const run of runs) {
        if (run.found.length > 1) {
          emit({
            start: run.start,
            end: run.end,
            messageKey: 'tone.finding.exclamation.repeated',
            params: { found: run.found },
            fix: { start: run.start, end: run.end, replacement: rule.max > 0 ? '!' : '.' },
          });
        }
        count += 1;
        if (count > rule.max) {
          emit({
            start: run.start,
            end: run.end,
            messageKey: 'tone.finding.exclamation.max',
            params: { max: rule.max, count: runs.length },
            fix: { start: run.start, end: run.end, replacement: '.' },
          });
        }
      }
      return;
    }
    case 'shouting': {
      for (const hit of findShouting(model, rule.minLength, new Set(rule.allow))) {
        const lower = hit.found.toLowerCase();
        const suggestion = hit.first ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower;
        emit({
          start: hit.start,
          end: hit.end,
          messageKey: 'tone.finding.shouting',
          params: { found: hit.found, suggestion },
          fix: { start: hit.start, end: hit.end, replacement: suggestion },
        });
      }
      return;
    }
    case 'readability': {
      for (const sentence of longSentences(model, rule.maxSentenceWords)) {
        emit({
          start: sentence.start,
          end: sentence.end,
          messageKey: 'tone.finding.readability.sentence',
          params: { words: sentence.words, max: rule.maxSentenceWords },
        });
      }
      const ease = readingEase(model, context.lang);
      if (ease && ease.score < rule.minReadingEase) {
        emit({
          start: 0,
          end: text.trimEnd().length,
          messageKey: 'tone.finding.readability.ease',
          params: {
            score: ease.score,
            min: rule.minReadingEase,
            formula: context.lang === 'nl' ? 'flesch-douma' : 'flesch',
          },
        });
      }
      return;
    }
    case 'privacy': {
      if (!context.public) return;
      for (const hit of findPersonalData(text, rule.detect, rule.allow)) {
        emit({
          start: hit.start,
          end: hit.end,
          messageKey: `tone.finding.privacy.${hit.kind}`,
          params: { found: hit.found },
        });
      }
      return;
    }
  }
}

/** A phrase replacement; an empty one also takes a neighbouring space. */
function phraseFix(text: string, start: number, end: number, replacement: string): ToneFix {
  return replacement === '' ? removal(text, start, end) : { start, end, replacement };
}

/** Checks a reply against the rules; findings in text order, errors before warnings at the same place. */
export function checkTone(
  text: string,
  rules: readonly ToneRule[],
  context: ToneContext,
  options: CheckOptions = {},
): ToneFinding[] {
  const model = modelText(text);
  const findings: ToneFinding[] = [];
  for (const rule of rules) {
    if (!applies(rule, context)) continue;
    const kind = rule.kind;
    checkRule(rule, model, context, options, ({ fix, ...finding }) => {
      findings.push({
        ruleId: rule.id,
        kind,
        severity: rule.severity,
        note: rule.note,
        explanationKey: `tone.explain.${kind}`,
        ...finding,
        ...(fix ? { fix } : {}),
      });
    });
  }
  return findings.sort(
    (a, b) => a.start - b.start || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.end - b.end,
  );
}

/** The text with one fix applied. */
export function applyFix(text: string, fix: ToneFix): string {
  return text.slice(0, fix.start) + fix.replacement + text.slice(fix.end);
}

/** True when any finding blocks sending. */
export function hasErrors(findings: readonly ToneFinding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}
