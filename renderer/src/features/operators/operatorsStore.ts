import { create } from 'zustand';
import type { OperatorProfile } from '../../../../shared/api/inbox';
import { call } from '../../api/client';
import { usePreferences } from '../../stores/preferences';
import { useOperatorStore } from '../../stores/operator';

interface OperatorsState {
  /** Every profile of the workspace, by name; null until read. */
  profiles: OperatorProfile[] | null;
}

/** The workspace's operator profiles (for the picker, avatars and the assign menu). */
export const useOperators = create<OperatorsState>(() => ({ profiles: null }));

export async function loadOperators(): Promise<OperatorProfile[]> {
  const profiles = await call('inbox.operators.list', {});
  useOperators.setState({ profiles });
  return profiles;
}

/** Someone sits down: their profile becomes the desk's operator and the UI speaks their language. */
export function sitDown(profile: Pick<OperatorProfile, 'name' | 'initials' | 'colour' | 'language'>): void {
  useOperatorStore.getState().setCurrent({
    name: profile.name,
    initials: profile.initials,
    colour: profile.colour,
    language: profile.language,
  });
  usePreferences.getState().setLanguage(profile.language);
}

/** Creates a profile in the workspace and sits down with it. */
export async function createOperator(input: {
  name: string;
  initials: string;
  colour: string;
  language: 'nl' | 'en';
}): Promise<OperatorProfile> {
  const profile = await call('inbox.operators.save', input);
  await loadOperators().catch(() => undefined);
  sitDown(profile);
  return profile;
}

/** The avatar colours offered for a new profile: calm, distinct, readable with white initials. */
export const OPERATOR_COLOURS = ['#2f5bd3', '#18794a', '#8e4ec6', '#b4541a', '#0f7b8a', '#a8326e', '#5b6472'] as const;
