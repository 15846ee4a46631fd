// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState } from './transport';

const live = vi.hoisted(() => ({
  changed: new Set<(payload: { ids: number[] }) => void>(),
  connection: new Set<(state: ConnectionState) => void>(),
}));

vi.mock('./client', async (original) => ({
  ...(await original<typeof import('./client')>()),
  subscribe: (_event: string, callback: (payload: { ids: number[] }) => void) => {
    live.changed.add(callback);
    return () => live.changed.delete(callback);
  },
  onConnection: (callback: (state: ConnectionState) => void) => {
    live.connection.add(callback);
    callback('open');
    return () => live.connection.delete(callback);
  },
}));

const { useMentionRead } = await import('./useMentionRead');

/** A read whose answers the test hands out by hand, in any order. */
function manualRead() {
  const pending: { id: number; resolve: (value: string) => void }[] = [];
  const read = (id: number) => new Promise<string>((resolve) => pending.push({ id, resolve }));
  return { read, pending };
}

function emit(ids: number[]): void {
  act(() => {
    for (const callback of [...live.changed]) callback({ ids });
  });
}

function connection(state: ConnectionState): void {
  act(() => {
    for (const callback of [...live.connection]) callback(state);
  });
}

afterEach(() => {
  live.changed.clear();
  live.connection.clear();
});

describe('useMentionRead', () => {
  it('reads again when its mention changes, not when another one does', async () => {
    const { read, pending } = manualRead();
    const { result } = renderHook(() => useMentionRead(7, read, 'mentions.get'));
    await act(async () => pending[0]!.resolve('v1'));
    expect(result.current[0]).toEqual({ id: 7, value: 'v1' });
    emit([8]);
    expect(pending).toHaveLength(1);
    emit([7, 8]);
    expect(pending).toHaveLength(2);
    await act(async () => pending[1]!.resolve('v2'));
    expect(result.current[0]).toEqual({ id: 7, value: 'v2' });
  });

  it('keeps the newest answer when an older read answers last', async () => {
    const { read, pending } = manualRead();
    const { result } = renderHook(() => useMentionRead(7, read, 'mentions.get'));
    emit([7]);
    expect(pending).toHaveLength(2);
    await act(async () => pending[1]!.resolve('after the change'));
    await act(async () => pending[0]!.resolve('before the change'));
    expect(result.current[0]).toEqual({ id: 7, value: 'after the change' });
  });

  it('reads again after the live connection comes back, since changes meanwhile were not heard', async () => {
    const { read, pending } = manualRead();
    const { result } = renderHook(() => useMentionRead(7, read, 'mentions.get'));
    await act(async () => pending[0]!.resolve('v1'));
    connection('reconnecting');
    expect(pending).toHaveLength(1);
    connection('open');
    expect(pending).toHaveLength(2);
    await act(async () => pending[1]!.resolve('v2'));
    await waitFor(() => expect(result.current[0]).toEqual({ id: 7, value: 'v2' }));
    // An 'open' that follows no drop (the first connection) does not read again.
    connection('open');
    expect(pending).toHaveLength(2);
  });
});
