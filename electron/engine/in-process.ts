import type { EngineClient } from './client';
import type { Engine } from './engine';

/** The engine in the caller's own thread: the CLI's one-shot commands and tests. */
export function inProcessEngine(engine: Engine): EngineClient {
  return {
    call: (method, input) => engine.dispatch(method, input),
    subscribe: (listener) => engine.events.subscribe(listener),
    close: async () => {
      await engine.jobs.idle();
      await engine.close();
    },
  };
}
