import { useEffect } from 'react';
import { create } from 'zustand';
import type { InboxSettings } from '../../../../shared/api/inbox';
import { call } from '../../api/client';
import { currentOperatorName } from '../../stores/operator';

interface SettingsState {
  /** Null until the engine answered: remote media stay links meanwhile. */
  settings: InboxSettings | null;
}

/** The workspace's inbox settings (whether the detail pane loads remote pictures). */
export const useInboxSettings = create<SettingsState>(() => ({ settings: null }));

let loading: Promise<void> | null = null;

/** Reads the settings once per window; later readers share the answer. */
export function useLoadInboxSettings(): void {
  useEffect(() => {
    loading ??= call('inbox.settings', {})
      .then((settings) => useInboxSettings.setState({ settings }))
      .catch(() => {
        loading = null;
      });
  }, []);
}

/** Turns remote media on or off for the workspace (audited under the operator at the desk). */
export async function saveRemoteMedia(remoteMedia: boolean): Promise<void> {
  const settings = await call('inbox.settings.save', { operator: currentOperatorName(), remoteMedia });
  useInboxSettings.setState({ settings });
}
