import type { TFunction } from 'i18next';

/**
 * Options that change what i18next looks up or how (plural, context, language, defaults, nesting, escaping):
 * a call with any of them always goes through.
 */
const SPECIAL_OPTIONS = new Set([
  'count',
  'context',
  'ordinal',
  'defaultValue',
  'defaultValues',
  'lng',
  'lngs',
  'fallbackLng',
  'ns',
  'keyPrefix',
  'nsSeparator',
  'keySeparator',
  'returnObjects',
  'returnDetails',
  'joinArrays',
  'postProcess',
  'interpolation',
  'skipInterpolation',
  'replace',
  'formatParams',
  'missingInterpolationHandler',
  'appendNamespaceToMissingKey',
]);

/**
 * A value that i18next's interpolation writes as it is: nothing to escape (when escaping is on), nothing to nest or
 * interpolate again, and not the mark below.
 */
const UNPLAIN_VALUE = /[&<>"'/{}$]/;
const isPlain = (value: string) => !UNPLAIN_VALUE.test(value) && !value.includes('\u0001');

/** Stands for a value while the template is made; kept intact only by a plain `{{name}}` (no format). */
const mark = (name: string) => `\u0001${name}\u0001`;

/** A translation with values, cut at its values: text, name, text, name, …, text. */
type Template = { text: string[]; names: string[] } | null;

function makeTemplate(t: TFunction, key: string, names: string[]): Template {
  const marked = Object.fromEntries(names.map((name) => [name, mark(name)]));
  const full = (t as unknown as (key: string, options: object) => unknown)(key, marked);
  if (typeof full !== 'string') return null;
  const text: string[] = [];
  const order: string[] = [];
  let rest = full;
  for (;;) {
    const at = rest.indexOf('\u0001');
    if (at < 0) break;
    const end = rest.indexOf('\u0001', at + 1);
    const name = end < 0 ? undefined : rest.slice(at + 1, end);
    // A value changed on its way (a format, an escape): this key's calls go through i18next.
    if (name === undefined || !names.includes(name)) return null;
    text.push(rest.slice(0, at));
    order.push(name);
    rest = rest.slice(end + 1);
  }
  text.push(rest);
  return { text, names: order };
}

/**
 * A translation function that remembers what it answered for a key alone (no values, no count), and for a key
 * with plain values (`t('inbox.reach', { formatted })`) the translation cut at its values, filled in per call. A
 * list row asks for the same few labels (channel, sentiment, status) as every other row, and labels with the
 * row's author or reach; i18next resolves and interpolates each call anew (a few µs each, ~60 calls per new
 * list's rows). A call with a count, a context or other options, or with a value i18next would escape or
 * format, goes through as it is. Made per `t`, which react-i18next replaces when the language changes, so a
 * remembered label never outlives its language.
 */
export function rememberLabels(t: TFunction): TFunction {
  const labels = new Map<string, string>();
  const templates = new Map<string, Template>();
  const through = t as unknown as (...args: unknown[]) => unknown;
  const withValues = (key: string, options: Record<string, unknown>): string | undefined => {
    const names = Object.keys(options);
    for (const name of names) {
      const value = options[name];
      if (SPECIAL_OPTIONS.has(name) || name.startsWith('defaultValue')) return undefined;
      if (typeof value === 'number' ? !Number.isFinite(value) : typeof value !== 'string' || !isPlain(value))
        return undefined;
    }
    names.sort();
    const id = `${key}\u0000${names.join('\u0000')}`;
    let template = templates.get(id);
    if (template === undefined) {
      template = makeTemplate(t, key, names);
      templates.set(id, template);
    }
    if (template === null) return undefined;
    let out = template.text[0] ?? '';
    for (let i = 0; i < template.names.length; i++) out += String(options[template.names[i]!]) + template.text[i + 1];
    return out;
  };
  const remembering = (key: string | string[], ...rest: unknown[]): unknown => {
    if (typeof key !== 'string') return through(key, ...rest);
    if (rest.length > 0) {
      const options = rest[0];
      if (rest.length === 1 && typeof options === 'object' && options !== null && !Array.isArray(options)) {
        const answer = withValues(key, options as Record<string, unknown>);
        if (answer !== undefined) return answer;
      }
      return through(key, ...rest);
    }
    let label = labels.get(key);
    if (label === undefined) {
      label = t(key);
      labels.set(key, label);
    }
    return label;
  };
  return remembering as unknown as TFunction;
}
