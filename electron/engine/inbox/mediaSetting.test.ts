import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Engine } from '../engine';

let engine: Engine;
beforeEach(() => {
  engine = Engine.open({ dataDir: ':memory:', log: () => {} });
});
afterEach(() => engine.close());

describe('inbox settings', () => {
  it('keeps remote media off until an operator turns it on, and audits each change', async () => {
    expect(await engine.dispatch('inbox.settings', {})).toEqual({ ok: true, value: { remoteMedia: false } });
    const on = await engine.dispatch('inbox.settings.save', { operator: 'Anna', remoteMedia: true });
    expect(on).toEqual({ ok: true, value: { remoteMedia: true } });
    await engine.dispatch('inbox.settings.save', { operator: 'Bram', remoteMedia: true });
    expect(await engine.dispatch('inbox.settings', {})).toEqual({ ok: true, value: { remoteMedia: true } });
    const audit = engine.db
      .prepare("SELECT actor, detail FROM audit_log WHERE action = 'settings.remoteMedia'")
      .all() as { actor: string; detail: string }[];
    // Saving the value it already had changes nothing and is not logged.
    expect(audit).toEqual([{ actor: 'Anna', detail: JSON.stringify({ before: false, after: true }) }]);
    const refused = await engine.dispatch('inbox.settings.save', { operator: '', remoteMedia: false });
    expect(refused.ok).toBe(false);
  });
});
