import type { EngineEvent, EventName, EventPayload } from '../../shared/api/events';

export type EventListener = (event: EngineEvent) => void;

/** Fan-out of engine events to whoever listens (the worker's port, a test, the CLI's progress line). */
export class EventSink {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const event = { name, payload } as EngineEvent;
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
