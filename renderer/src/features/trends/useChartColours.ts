import { useMemo } from 'react';
import { usePreferences } from '../../stores/preferences';
import { readChartColours, type ChartColours } from './chartTheme';

/** The chart colours of the current theme; re-read when the operator switches theme. */
export function useChartColours(): ChartColours {
  const theme = usePreferences((state) => state.theme);
  // The theme is applied to <html> before the store changes, so the tokens read here are already the new ones.
  return useMemo(() => {
    void theme;
    return readChartColours(document.documentElement);
  }, [theme]);
}
