import { create } from 'zustand';
import { safeRead, isUiLanguage, type UiLanguage } from '../i18n';

/** Who is at the desk: a local operator profile, as the operator picker shows it. */
export interface OperatorProfile {
  name: string;
  initials: string;
  /** A CSS colour for the operator's avatar (hex). */
  colour: string;
  language: UiLanguage;
}

const KEY = 'watchpost.deskOperator';
/** Before profiles, a device only remembered a typed name: it becomes that person's profile. */
const LEGACY_KEY = 'watchpost.operator';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Reads the remembered profile; anything malformed counts as "nobody chose yet". */
export function parseProfile(text: string | null): OperatorProfile | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<OperatorProfile>;
    if (typeof value.name !== 'string' || value.name.trim() === '') return null;
    return {
      name: value.name.trim(),
      initials: typeof value.initials === 'string' && value.initials ? value.initials : initialsOf(value.name),
      colour: typeof value.colour === 'string' ? value.colour : '#2f5bd3',
      language: isUiLanguage(value.language) ? value.language : 'nl',
    };
  } catch {
    return null;
  }
}

/** "Sanne de Vries" → "SV", "mo" → "MO": at most two letters, from the first and last word. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = words[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1] ?? '') : '';
  const letters = last ? `${first[0] ?? ''}${last[0] ?? ''}` : first.slice(0, 2);
  return letters.toUpperCase();
}

function legacyProfile(name: string | null): OperatorProfile | null {
  const trimmed = name?.trim();
  if (!trimmed || trimmed === 'operator') return null;
  return { name: trimmed, initials: initialsOf(trimmed), colour: '#2f5bd3', language: 'nl' };
}

interface OperatorState {
  current: OperatorProfile | null;
  /** Someone sits down at the desk (or edits their own profile). */
  setCurrent(profile: OperatorProfile): void;
  /** The desk is left: the next person is asked who they are. */
  leave(): void;
}

/** The store behind `useOperator()`; features other than the picker only read it. */
export const useOperatorStore = create<OperatorState>((set) => ({
  current: parseProfile(safeRead(storage(), KEY)) ?? legacyProfile(safeRead(storage(), LEGACY_KEY)),
  setCurrent(profile) {
    try {
      storage()?.setItem(KEY, JSON.stringify(profile));
    } catch {
      // not remembered; still used for this session
    }
    set({ current: profile });
  },
  leave() {
    try {
      storage()?.removeItem(KEY);
    } catch {
      // nothing remembered to forget
    }
    set({ current: null });
  },
}));

/** The operator at the desk, or null until someone has said who they are. */
export function useOperator(): OperatorProfile | null {
  return useOperatorStore((state) => state.current);
}

/** The name to send with a command, read at the moment of sending; 'operator' before anyone chose. */
export function currentOperatorName(): string {
  return useOperatorStore.getState().current?.name ?? 'operator';
}
