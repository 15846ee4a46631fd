import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { EngineEvent } from '../../../shared/api/events';
import { Engine, type EngineOptions } from '../engine';
import { callEngine } from './call';

export { callEngine };

/** The engine a test talks to, on a workspace folder of its own. */
export interface TestWorkspace {
  readonly engine: Engine;
  readonly dataDir: string;
  /** Every event the engine sent since the test began, in order. */
  readonly events: EngineEvent[];
  /** Dispatches as a door does and returns the value; a failure throws with its code and message. */
  call: <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;
  /** Dispatches a call that must fail and returns its error; a success throws. */
  failure: (method: MethodName, input: unknown) => Promise<{ code: string; message: string }>;
}

/**
 * Opens an engine on a new temp folder (`watchpost-<name>-…`) before each test and closes and removes both after it.
 * Call it at the top of a test file or describe block.
 */
export function useTestWorkspace(name: string, options: Omit<EngineOptions, 'dataDir'> = {}): TestWorkspace {
  let current: { engine: Engine; dataDir: string; events: EngineEvent[] } | undefined;

  beforeEach(() => {
    const dataDir = mkdtempSync(path.join(tmpdir(), `watchpost-${name}-`));
    const engine = Engine.open({ log: () => {}, ...options, dataDir });
    const events: EngineEvent[] = [];
    engine.events.subscribe((event) => events.push(event));
    current = { engine, dataDir, events };
  });

  afterEach(async () => {
    if (!current) return;
    const { engine, dataDir } = current;
    current = undefined;
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const open = () => {
    if (!current) throw new Error('the test workspace is open only while a test runs');
    return current;
  };

  return {
    get engine() {
      return open().engine;
    },
    get dataDir() {
      return open().dataDir;
    },
    get events() {
      return open().events;
    },
    call: (method, input) => callEngine(open().engine, method, input),
    failure: async (method, input) => {
      const result = await open().engine.dispatch(method, input);
      if (result.ok) throw new Error(`${method} should have failed`);
      return result.error;
    },
  };
}
