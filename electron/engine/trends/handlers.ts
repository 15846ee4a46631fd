import type { JobInfo } from '../../../shared/api/events';
import type { trendMethods } from '../../../shared/api/trends';
import type { Handlers } from '../dispatcher';
import type { Engine } from '../engine';
import { importBoundaryFile } from '../geo/import';
import { boundariesInfo } from '../geo/store';
import { deleteAnnotation, listAnnotations, saveAnnotation } from './annotations';
import { TrendIndexer } from './indexer';
import { mapPanel, regionBoundaries } from './map';
import { heatmapPanel, responsesPanel, sentimentPanel, shareOfVoicePanel, volumePanel } from './panels';
import { rebuildRollups } from './rollups';
import { deleteSignal, importSignal, listSignals } from './signals';
import { drill, termsPanel } from './terms';
import { RollupVerifier } from './verify-job';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * The engine's side of shared/api/trends.ts. Also starts the trend indexer (terms and places): on every
 * stored batch, after bulk work (a demo or an import job), and at start when something is behind.
 */
export function trendHandlers(engine: Engine): Pick<Handlers, keyof typeof trendMethods> {
  const db = engine.db;
  const indexer = new TrendIndexer(db, engine.jobs);
  const verifier = new RollupVerifier(db, engine.dataDir, engine.jobs);
  engine.pipeline.onStored((added) => indexer.onStored(added));
  engine.events.subscribe((event) => {
    if (event.name !== 'job.finished') return;
    const kind = (event.payload as JobInfo).kind;
    if (kind === 'demo' || kind === 'import') indexer.schedule();
  });
  setImmediate(() => {
    if (db.open && (indexer.pendingTerms() > 0 || indexer.pendingPlaces() > 0)) indexer.schedule();
  });
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
    'trends.terms': (input) => termsPanel(db, input, indexer.pendingTerms()),
    'trends.heatmap': (input) => heatmapPanel(db, input),
    'trends.map': (input) => mapPanel(db, input, indexer.pendingPlaces()),
    'trends.boundaries': (input) => regionBoundaries(db, input.region),
    'trends.boundariesInfo': () => boundariesInfo(db),
    'trends.importBoundaries': (input) => {
      const upload = input.upload ? engine.uploads.file(input.upload) : null;
      const info = importBoundaryFile(db, {
        file: upload?.file ?? input.file!,
        name: upload?.name,
        source: input.source,
        licence: input.licence,
        operator: input.operator,
      });
      if (input.upload) engine.uploads.discard(input.upload);
      indexer.resetPlaces();
      return { info, job: indexer.schedule()! };
    },
    'trends.responses': (input) => responsesPanel(db, input),
    'trends.drill': (input) => drill(db, input, indexer.pendingTerms() === 0 && !indexer.hasRetractions()),
    'trends.annotations': (input) =>
      listAnnotations(db, input.from ? Date.parse(input.from) : undefined, input.to ? Date.parse(input.to) : undefined),
    'trends.saveAnnotation': (input) => saveAnnotation(db, input),
    'trends.deleteAnnotation': (input) => deleteAnnotation(db, input.id, input.operator),
    'trends.signals': () => listSignals(db),
    'trends.importSignal': (input) => importSignal(db, input),
    'trends.deleteSignal': (input) => deleteSignal(db, input.id, input.operator),
    'trends.verifyRollups': () => verifier.verify(),
    'trends.rebuildRollups': () =>
      engine.jobs.start('rollups', 'Rebuilding trend rollups', async (control) => {
        await control.checkpoint();
        rebuildRollups(db, (done, total) => control.progress(done, total));
        indexer.resetTerms();
        indexer.schedule();
        return 'rollups rebuilt; the terms are being counted again';
      }),
  };
}
