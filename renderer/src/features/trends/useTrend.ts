import { useEffect, useState } from 'react';
import { create } from 'zustand';
import type { MethodInput, MethodName, MethodOutput } from '../../../../shared/api/contract';
import { call, subscribe } from '../../api/client';

/** Bumped when something every panel shows changes (an annotation, a signal, new mentions). */
export const useTrendsVersion = create<{ version: number; bump(): void }>((set) => ({
  version: 0,
  bump: () => set((state) => ({ version: state.version + 1 })),
}));

const ANSWERS_KEPT = 60;
const answers = new Map<string, Promise<unknown>>();

/**
 * One request per distinct question: two panels asking the same (net sentiment and the sentiment mix)
 * share it, and going back to a period just shown is instant. The key includes the refresh version, so
 * new mentions or annotations never serve a stale answer. Failures are not kept.
 */
function ask<M extends MethodName>(key: string, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  let answer = answers.get(key) as Promise<MethodOutput<M>> | undefined;
  if (!answer) {
    answer = call(method, input);
    answer.catch(() => answers.delete(key));
    answers.set(key, answer);
    if (answers.size > ANSWERS_KEPT) answers.delete(answers.keys().next().value!);
  }
  return answer;
}

/**
 * Asks a question ahead of the panel that will show it (the page prefetches while its charts load):
 * the panel finds the answer, or the request already on its way, under the same key.
 */
export function prefetchTrend<M extends MethodName>(method: M, input: MethodInput<M>): void {
  const key = JSON.stringify([method, input, useTrendsVersion.getState().version]);
  // JSON and back, exactly as useTrend sends it, so both send the same input.
  void ask(key, method, JSON.parse(key)[1] as MethodInput<M>).catch(() => {});
}

/** Forgets every answer kept: a new visit to the page shows what the store holds now. */
export function forgetAnswers(): void {
  answers.clear();
}

/** What a panel has to show: the latest answer, whether a newer one is on its way, or why it failed. */
export interface TrendState<T> {
  data: T | null;
  loading: boolean;
  error: Error | null;
}

/**
 * Calls a trends query whenever its input changes, keeping the previous answer on screen while the next
 * one loads (no flashing to empty between periods). An answer to an outdated input is dropped.
 */
export function useTrend<M extends MethodName>(method: M, input: MethodInput<M> | null): TrendState<MethodOutput<M>> {
  const version = useTrendsVersion((state) => state.version);
  const key = input === null ? null : JSON.stringify([method, input, version]);
  const [answer, setAnswer] = useState<{ key: string; data: MethodOutput<M> | null; error: Error | null } | null>(null);
  useEffect(() => {
    if (key === null) return;
    let current = true;
    ask(key, method, JSON.parse(key)[1] as MethodInput<M>).then(
      (data) => current && setAnswer({ key, data, error: null }),
      (error: unknown) =>
        current && setAnswer({ key, data: null, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      current = false;
    };
  }, [method, key]);
  return { data: answer?.data ?? null, error: answer?.error ?? null, loading: answer?.key !== key };
}

const NEW_MENTIONS_DELAY_MS = 30_000;

/** While the trends page is open, new mentions refresh the panels, at most twice a minute. */
export function useRefreshOnNewMentions(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = subscribe('mentions.added', () => {
      timer ??= setTimeout(() => {
        timer = null;
        useTrendsVersion.getState().bump();
      }, NEW_MENTIONS_DELAY_MS);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, []);
}
