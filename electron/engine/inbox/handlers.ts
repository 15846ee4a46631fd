import type { inboxMethods } from '../../../shared/api/inbox';
import type { Handlers } from '../dispatcher';
import type { Engine } from '../engine';

/** The engine's side of shared/api/inbox.ts. */
export function inboxHandlers(engine: Engine): Pick<Handlers, keyof typeof inboxMethods> {
  void engine;
  return {};
}
