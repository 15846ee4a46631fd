import type { TFunction } from 'i18next';
import type { ToneFinding, ToneFix } from '../../../../shared/api/replies';

/** A finding's sentence in the UI language, from the key and parameters the tone check gave. */
export function findingMessage(t: TFunction, finding: ToneFinding): string {
  const { params } = finding;
  // Codes in the parameters (a channel, a form of address) are said in words.
  const named: Record<string, string | number> = { ...params };
  if (typeof params.channel === 'string') named.channel = t(`channel.${params.channel}`);
  if (typeof params.form === 'string') named.form = t(`tone.form.${params.form}`);
  if (typeof params.register === 'string') named.register = t(`tone.register.${params.register}`);
  if (typeof params.formula === 'string') named.formula = t(`tone.formula.${params.formula}`);
  return t(finding.messageKey, named);
}

/** What the one-click fix will do, as the button says it: replace, insert or remove, with the words. */
export function describeFix(t: TFunction, fix: ToneFix, text: string): string {
  const replacement = shorten(fix.replacement.trim());
  if (fix.start === fix.end) return t('composer.fix.insert', { text: replacement });
  if (fix.replacement === '') return t('composer.fix.remove', { text: shorten(text.slice(fix.start, fix.end)) });
  return t('composer.fix.replace', { text: replacement });
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine;
}
