import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/result';
import { Engine } from '../engine';
import { sampleMention, storeMentions } from '../testing/fixtures';
import { callEngine } from '../testing/workspace';

let engine: Engine;

beforeEach(() => {
  engine = Engine.open({ dataDir: ':memory:', log: () => {} });
  storeMentions(
    engine.db,
    Array.from({ length: 6 }, (_, i) => sampleMention({ externalId: `w${i}`, text: `bericht ${i}`, status: 'open' })),
  );
});
afterEach(() => engine.close());

const call = <M extends MethodName>(method: M, input: MethodInput<M>) => callEngine(engine, method, input);

async function refusal<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiError> {
  const result = await engine.dispatch(method, input);
  if (result.ok) throw new Error(`${method} was accepted`);
  return result.error;
}

const statuses = () => engine.db.prepare('SELECT status FROM mentions WHERE id <= 3 ORDER BY id').pluck().all();
const undoRows = () =>
  engine.db
    .prepare("SELECT actor, entity_id, detail FROM audit_log WHERE action = 'mention.undo' ORDER BY id")
    .all() as { actor: string; entity_id: string; detail: string }[];

describe('undoing one item of a bulk change', () => {
  it('puts back only the named mention, audits it, and keeps the token for the others', async () => {
    const resolved = await call('inbox.setStatus', {
      operator: 'Anna',
      mentions: [1, 2, 3].map((id) => ({ id })),
      status: 'resolved',
    });
    expect(statuses()).toEqual(['resolved', 'resolved', 'resolved']);

    const one = await call('inbox.undo', { operator: 'Bram', token: resolved.undoToken!, ids: [2] });
    expect(one.changed.map((c) => [c.id, c.status])).toEqual([[2, 'open']]);
    expect(one.undoToken).toBe(resolved.undoToken);
    expect(statuses()).toEqual(['resolved', 'open', 'resolved']);
    expect(engine.db.prepare('SELECT resolved_at FROM mentions WHERE id = 2').pluck().get()).toBeNull();
    const audited = undoRows();
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actor: 'Bram', entity_id: '2' });
    expect(JSON.parse(audited[0]!.detail)).toMatchObject({
      before: { status: 'resolved' },
      after: { status: 'open' },
      undoes: 'mention.status',
    });

    // The same item cannot be undone twice; the error says which and nothing moves.
    const again = await refusal('inbox.undo', { operator: 'Anna', token: resolved.undoToken!, ids: [2] });
    expect(again.code).toBe('invalid_input');
    expect(again.message).toMatch(/mention 2 is not part of this change/);
    const stranger = await refusal('inbox.undo', { operator: 'Anna', token: resolved.undoToken!, ids: [1, 6] });
    expect(stranger.code).toBe('invalid_input');
    expect(statuses()).toEqual(['resolved', 'open', 'resolved']);

    // Undoing the rest (no ids) undoes only what is left, then the token is spent.
    const rest = await call('inbox.undo', { operator: 'Anna', token: resolved.undoToken! });
    expect(rest.changed.map((c) => c.id).sort()).toEqual([1, 3]);
    expect(rest.undoToken).toBeNull();
    expect(statuses()).toEqual(['open', 'open', 'open']);
    expect(undoRows()).toHaveLength(3);
    expect((await refusal('inbox.undo', { operator: 'Anna', token: resolved.undoToken! })).code).toBe('not_found');
  });

  it('refuses to undo an item someone changed since, leaving the other items undoable', async () => {
    const tagged = await call('inbox.tag', { operator: 'Anna', mentions: [{ id: 4 }, { id: 5 }], add: ['pers'] });
    await call('inbox.tag', { operator: 'Bram', mentions: [{ id: 4 }], add: ['vip'] });
    expect((await refusal('inbox.undo', { operator: 'Anna', token: tagged.undoToken!, ids: [4] })).code).toBe(
      'conflict',
    );
    const five = await call('inbox.undo', { operator: 'Anna', token: tagged.undoToken!, ids: [5] });
    expect(five.changed).toEqual([expect.objectContaining({ id: 5, tags: [] })]);
    expect(five.undoToken).toBe(tagged.undoToken);
  });
});
