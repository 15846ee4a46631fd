import {
  currentOperatorName,
  initialsOf,
  useOperator as useDeskOperator,
  useOperatorStore,
} from '../../stores/operator';

/**
 * The name recorded with corrections and changes: the operator at the desk (stores/operator.ts).
 * Settings → Analysis can still rename the current profile; until someone chose, it is 'operator'.
 */
export const DEFAULT_OPERATOR = 'operator';

export function useOperator(): { operator: string; setOperator(name: string): void } {
  const current = useDeskOperator();
  return {
    operator: current?.name ?? DEFAULT_OPERATOR,
    setOperator(name) {
      const trimmed = name.trim().slice(0, 80);
      if (!trimmed) return;
      const base = useOperatorStore.getState().current;
      useOperatorStore.getState().setCurrent({
        name: trimmed,
        initials: initialsOf(trimmed),
        colour: base?.colour ?? '#2f5bd3',
        language: base?.language ?? 'nl',
      });
    },
  };
}

/** The name to send with a command, read at the moment of sending. */
export const currentOperator = (): string => currentOperatorName();
