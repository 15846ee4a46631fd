import type { TFunction } from 'i18next';

/** Options that steer i18next itself (plural, context, fallbacks…): a call with any of them always goes through. */
const STEERING = new Set([
  'count',
  'ordinal',
  'context',
  'defaultValue',
  'ns',
  'lng',
  'lngs',
  'fallbackLng',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'keyPrefix',
  'replace',
]);

/**
 * Stand-in for the value at `index` while learning a label's template: private-use characters no translation
 * holds, around mixed case (a formatter that changes case breaks it) and `&<` (escaping breaks it: where i18next
 * escapes values, a filled template would not).
 */
const stand = (index: number) => `\ue000${index}vW&<\ue001`;
const STAND = /\ue000(\d+)vW&<\ue001/;
const STAND_PART = /[\ue000\ue001]/;

/**
 * A label's text around its values, learnt by asking i18next once with stand-ins for them: the parts at even
 * places are text, at odd places the index of a value. Null when a stand-in did not come back whole (a formatter
 * or escaping changed it, so the values must go through i18next each time).
 */
function learnTemplate(t: TFunction, key: string, names: readonly string[]): (string | number)[] | null {
  const through = t as unknown as (key: string, options: Record<string, string>) => unknown;
  const text = through(key, Object.fromEntries(names.map((name, index) => [name, stand(index)])));
  if (typeof text !== 'string') return null;
  const parts: (string | number)[] = text.split(STAND).map((part, place) => (place % 2 === 1 ? Number(part) : part));
  return parts.some((part) => typeof part === 'string' && STAND_PART.test(part)) ? null : parts;
}

/**
 * A translation function that remembers what it answered for a key alone (no values, no count), and the
 * template of a key with plain values (strings and numbers, as a row's "Bericht van {{author}} selecteren"). A
 * list row asks for the same few labels as every other row, and i18next resolves and interpolates each call
 * anew (some 6 ms of script when a new list's first rows render). A call with a count, a context or other
 * i18next options always goes through. Made per `t`, which react-i18next replaces when the language changes,
 * so a remembered label never outlives its language.
 */
export function rememberLabels(t: TFunction): TFunction {
  const labels = new Map<string, string>();
  const templates = new Map<string, (string | number)[] | null>();
  const through = t as unknown as (...args: unknown[]) => unknown;
  const remembering = (key: string | string[], ...rest: unknown[]): unknown => {
    if (typeof key !== 'string') return through(key, ...rest);
    if (rest.length === 0) {
      let label = labels.get(key);
      if (label === undefined) {
        label = t(key);
        labels.set(key, label);
      }
      return label;
    }
    const options = rest[0];
    if (rest.length > 1 || options === null || typeof options !== 'object') return through(key, ...rest);
    const names = Object.keys(options);
    const values = Object.values(options) as unknown[];
    if (
      names.some((name) => STEERING.has(name)) ||
      values.some((value) => typeof value !== 'string' && typeof value !== 'number')
    )
      return through(key, ...rest);
    const templateKey = `${key}\u0000${names.join('\u0000')}`;
    let template = templates.get(templateKey);
    if (template === undefined) {
      template = learnTemplate(t, key, names);
      templates.set(templateKey, template);
    }
    if (!template) return through(key, ...rest);
    let text = '';
    for (const part of template) text += typeof part === 'string' ? part : String(values[part]);
    return text;
  };
  return remembering as unknown as TFunction;
}
