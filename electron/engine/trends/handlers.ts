import type { trendMethods } from '../../../shared/api/trends';
import { WatchpostError } from '../../../shared/api/result';
import type { Handlers } from '../dispatcher';
import type { Engine } from '../engine';
import { deleteAnnotation, listAnnotations, saveAnnotation } from './annotations';
import { heatmapPanel, responsesPanel, sentimentPanel, shareOfVoicePanel, volumePanel } from './panels';
import { rebuildRollups, verifyRollups } from './rollups';
import { deleteSignal, importSignal, listSignals } from './signals';
import { drill, termsPanel } from './terms';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The engine's side of shared/api/trends.ts. */
export function trendHandlers(engine: Engine): Pick<Handlers, keyof typeof trendMethods> {
  const db = engine.db;
  const noMap = (): never => {
    throw new WatchpostError(
      'unavailable',
      'the municipality map is not available yet: no gazetteer or boundaries are installed',
    );
  };
  return {
    'trends.extent': () => {
      const row = db.prepare('SELECT min(created_at) AS first, max(created_at) AS last FROM mentions').get() as {
        first: number | null;
        last: number | null;
      };
      return { first: iso(row.first), last: iso(row.last) };
    },
    'trends.volume': (input) => volumePanel(db, input),
    'trends.sentiment': (input) => sentimentPanel(db, input),
    'trends.shareOfVoice': (input) => shareOfVoicePanel(db, input),
    'trends.terms': (input) => termsPanel(db, input),
    'trends.heatmap': (input) => heatmapPanel(db, input),
    'trends.map': noMap,
    'trends.boundaries': noMap,
    'trends.responses': (input) => responsesPanel(db, input),
    'trends.drill': (input) => drill(db, input),
    'trends.annotations': (input) =>
      listAnnotations(db, input.from ? Date.parse(input.from) : undefined, input.to ? Date.parse(input.to) : undefined),
    'trends.saveAnnotation': (input) => saveAnnotation(db, input),
    'trends.deleteAnnotation': (input) => deleteAnnotation(db, input.id, input.operator),
    'trends.signals': () => listSignals(db),
    'trends.importSignal': (input) => importSignal(db, input),
    'trends.deleteSignal': (input) => deleteSignal(db, input.id, input.operator),
    'trends.verifyRollups': () => verifyRollups(db),
    'trends.rebuildRollups': () =>
      engine.jobs.start('rollups', 'Rebuilding trend rollups', async (control) => {
        await control.checkpoint();
        rebuildRollups(db, (done, total) => control.progress(done, total));
        return 'rollups rebuilt';
      }),
  };
}
