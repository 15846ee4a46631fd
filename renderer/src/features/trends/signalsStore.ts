import { create } from 'zustand';
import type { Signal } from '../../../../shared/api/trends';
import { call } from '../../api/client';

/** The imported external signals, shared by every panel's signal picker. */
export const useSignals = create<{ signals: Signal[] }>(() => ({ signals: [] }));

/** Re-reads the signals; a failure keeps the list as it was (the pickers just show fewer choices). */
export async function refreshSignals(): Promise<void> {
  try {
    useSignals.setState({ signals: await call('trends.signals', {}) });
  } catch {
    // Shown again on the next import or page visit.
  }
}
