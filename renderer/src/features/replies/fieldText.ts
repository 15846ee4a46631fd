/**
 * The reply field's text as of the last edit, for the few things that must change in the very frame that
 * paints the edit (the length counter, which writes its own words, see LiveLengthCounter). The rest of the composer
 * hears of the text after that frame (see FindingsField).
 */
export interface FieldText {
  get(): string;
  set(value: string): void;
  subscribe(listener: () => void): () => void;
}

export function createFieldText(initial: string): FieldText {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (next) => {
      if (next === value) return;
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
