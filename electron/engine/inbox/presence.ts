import { PRESENCE_TTL_MS, type PresenceEntry } from '../../../shared/api/inbox';
import type { EventSink } from '../events';

interface Present {
  clientId: string;
  operator: string;
  mentionId: number | null;
  activity: 'viewing' | 'replying';
  since: number;
  lastSeen: number;
}

/**
 * Who has which mention open, in memory only: each window (or second desk on the host) sends a heartbeat;
 * one not heard from for PRESENCE_TTL_MS is gone. Every change is broadcast, so each window can show
 * who else is viewing or replying.
 */
export class Presence {
  private readonly present = new Map<string, Present>();

  constructor(
    private readonly events: EventSink,
    private readonly now: () => number = Date.now,
  ) {}

  beat(clientId: string, operator: string, mentionId: number | null, activity: Present['activity']): PresenceEntry[] {
    const now = this.now();
    const expired = this.expire(now);
    const before = this.present.get(clientId);
    const moved =
      !before || before.mentionId !== mentionId || before.activity !== activity || before.operator !== operator;
    if (mentionId === null) this.present.delete(clientId);
    else {
      this.present.set(clientId, {
        clientId,
        operator,
        mentionId,
        activity,
        since: moved ? now : before.since,
        lastSeen: now,
      });
    }
    const entries = this.entries();
    if (expired || (moved && (before !== undefined || mentionId !== null))) {
      this.events.emit('inbox.presence', { entries });
    }
    return entries;
  }

  list(): PresenceEntry[] {
    this.sweep();
    return this.entries();
  }

  /** Forgets clients whose heartbeat stopped and tells everyone; run now and then (the handlers do, every 5 s). */
  sweep(): void {
    if (this.expire(this.now())) this.events.emit('inbox.presence', { entries: this.entries() });
  }

  private entries(): PresenceEntry[] {
    return [...this.present.values()].map((p) => ({
      clientId: p.clientId,
      operator: p.operator,
      mentionId: p.mentionId,
      activity: p.activity,
      since: new Date(p.since).toISOString(),
      lastSeen: new Date(p.lastSeen).toISOString(),
    }));
  }

  /** Forgets clients not heard from in time; true when any was. */
  private expire(now: number): boolean {
    let any = false;
    for (const [id, p] of this.present) {
      if (now - p.lastSeen > PRESENCE_TTL_MS) {
        this.present.delete(id);
        any = true;
      }
    }
    return any;
  }
}
