import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs`, so "14:32" becomes "12 mrt 14:32" after midnight. */
export function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
