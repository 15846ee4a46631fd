import { useEffect, useState } from 'react';
import type { PresenceEntry } from '../../../../shared/api/inbox';
import { call } from '../../api/client';
import { useOperator } from '../../stores/operator';

/** One id per window, for its lifetime: two windows of one operator are two viewers. */
const CLIENT_ID =
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `c${Math.random().toString(36).slice(2)}`;

/** Well inside the engine's 30 s expiry, and quick enough that a colleague shows up within seconds. */
const HEARTBEAT_MS = 4_000;
/** A leave is sent a moment later, so moving to the next mention is one heartbeat, not a leave racing an arrival. */
let pendingLeave: ReturnType<typeof setTimeout> | undefined;

/**
 * Tells the engine which mention this window has open (and whether a reply is being written), and
 * answers with the others on the same mention: other windows and other desks.
 */
export function usePresence(mentionId: number | null, replying: boolean): PresenceEntry[] {
  const operator = useOperator()?.name;
  const [others, setOthers] = useState<PresenceEntry[]>([]);

  useEffect(() => {
    if (!operator) return;
    let live = true;
    const beat = (id: number | null) =>
      call('inbox.presence', {
        clientId: CLIENT_ID,
        operator,
        mentionId: id,
        activity: replying ? 'replying' : 'viewing',
      })
        .then((everyone) => {
          if (live && id !== null)
            setOthers(everyone.filter((entry) => entry.mentionId === id && entry.clientId !== CLIENT_ID));
        })
        .catch(() => undefined);
    clearTimeout(pendingLeave);
    void beat(mentionId);
    const timer = setInterval(() => void beat(mentionId), HEARTBEAT_MS);
    return () => {
      live = false;
      clearInterval(timer);
      setOthers([]);
      if (mentionId !== null) pendingLeave = setTimeout(() => void beat(null), 50);
    };
  }, [operator, mentionId, replying]);

  return others;
}
