import type { replyMethods } from '../../../shared/api/replies';
import type { Handlers } from '../dispatcher';
import type { Engine } from '../engine';

/** The engine's side of shared/api/replies.ts. */
export function replyHandlers(engine: Engine): Pick<Handlers, keyof typeof replyMethods> {
  void engine;
  return {};
}
