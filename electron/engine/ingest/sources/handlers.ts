import type { Handlers } from '../../dispatcher';
import type { Engine } from '../../engine';
import { acceptWebhook } from '../connectors/webhook';

type SourceMethods =
  | 'sources.list'
  | 'sources.add'
  | 'sources.update'
  | 'sources.pause'
  | 'sources.resume'
  | 'sources.delete'
  | 'sources.checkNow'
  | 'ingest.webhook';

/** Settings → Sources, and the webhook door the host opens at `POST /ingest/<token>`. */
export function sourcesHandlers(engine: Engine): Pick<Handlers, SourceMethods> {
  const live = engine.liveSources;
  return {
    'sources.list': () => live.list(),
    'sources.add': (input) => live.add(input.kind, input.name, input.settings),
    'sources.update': (input) => live.update(input.id, input),
    'sources.pause': (input) => live.setPaused(input.id, true),
    'sources.resume': (input) => live.setPaused(input.id, false),
    'sources.delete': (input) => live.remove(input.id),
    'sources.checkNow': async (input) => {
      const { source, outcome } = await live.checkNow(input.id);
      return { source, result: outcome.result, mentions: outcome.mentions, rejects: outcome.rejects };
    },
    'ingest.webhook': (input) => {
      const accepted = acceptWebhook(engine.db, input.token, input.body);
      const counts = engine.pipeline.store(
        { sourceId: accepted.sourceId, file: null },
        {
          mentions: accepted.mentions,
          rejects: accepted.rejects,
          recordsRead: accepted.mentions.length + accepted.rejects.length,
        },
      );
      live.received(accepted.sourceId);
      return {
        ...counts,
        rejects: accepted.rejects.map((reject) => ({
          record: reject.recordNo,
          reason: reject.reason,
          code: reject.code ?? null,
          params: reject.params ?? null,
        })),
      };
    },
  };
}
