import { create } from 'zustand';
import { safeRead } from '../../i18n';

/**
 * The name recorded with corrections and changes. There are no operator accounts yet, so each
 * device remembers the name its operator typed in Settings → Analysis; until then it is 'operator'.
 */
const KEY = 'watchpost.operator';
export const DEFAULT_OPERATOR = 'operator';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

interface OperatorState {
  operator: string;
  setOperator(name: string): void;
}

export const useOperator = create<OperatorState>((set) => ({
  operator: safeRead(storage(), KEY)?.trim() || DEFAULT_OPERATOR,
  setOperator(name) {
    const operator = name.trim().slice(0, 80) || DEFAULT_OPERATOR;
    try {
      storage()?.setItem(KEY, operator);
    } catch {
      // not remembered; still used for this session
    }
    set({ operator });
  },
}));

/** The name to send with a command, read at the moment of sending. */
export const currentOperator = (): string => useOperator.getState().operator;
