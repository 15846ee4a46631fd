import type { trendMethods } from '../../../shared/api/trends';
import type { Handlers } from '../dispatcher';
import type { Engine } from '../engine';

/** The engine's side of shared/api/trends.ts. */
export function trendHandlers(engine: Engine): Pick<Handlers, keyof typeof trendMethods> {
  void engine;
  return {};
}
