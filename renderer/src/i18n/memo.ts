import type { TFunction } from 'i18next';

/**
 * A translation function that remembers what it answered for a key alone (no values, no count). A list
 * row asks for the same few labels (channel, sentiment, status) as every other row, and i18next resolves
 * and interpolates each call anew; a call with options always goes through. Made per `t`, which
 * react-i18next replaces when the language changes, so a remembered label never outlives its language.
 */
export function rememberLabels(t: TFunction): TFunction {
  const labels = new Map<string, string>();
  const through = t as unknown as (...args: unknown[]) => unknown;
  const remembering = (key: string | string[], ...rest: unknown[]): unknown => {
    if (rest.length > 0 || typeof key !== 'string') return through(key, ...rest);
    let label = labels.get(key);
    if (label === undefined) {
      label = t(key);
      labels.set(key, label);
    }
    return label;
  };
  return remembering as unknown as TFunction;
}
