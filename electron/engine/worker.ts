import { parentPort, workerData } from 'node:worker_threads';
import { WatchpostError } from '../../shared/api/result';
import type { EngineWorkerData, FromWorker, ToWorker } from './client';
import { Engine } from './engine';

// The engine's thread: owns the workspace's write connection, runs jobs in chunks between calls.
const port = parentPort;
if (!port) throw new Error('engine-worker must run as a worker thread');
const send = (message: FromWorker): void => port.postMessage(message);

let engine: Engine;
try {
  const { dataDir, secretKey } = workerData as EngineWorkerData;
  engine = Engine.open({ dataDir, secretKey, liveSources: true });
} catch (err) {
  const code = err instanceof WatchpostError ? err.code : 'internal';
  send({ type: 'fatal', code, message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
}

engine.events.subscribe((event) => send({ type: 'event', event }));

port.on('message', (message: ToWorker) => {
  if (message.type === 'call') {
    void engine
      .dispatch(message.method, message.input)
      .then((result) => send({ type: 'result', id: message.id, result }));
  } else {
    for (const job of engine.jobs.list()) if (job.state === 'running') engine.jobs.cancel(job.id);
    void engine.jobs
      .idle()
      .then(() => engine.close())
      .then(() => {
        send({ type: 'closed' });
        port.close();
      });
  }
});

send({ type: 'ready' });
