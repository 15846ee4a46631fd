import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkflowOutcome } from '../../../../shared/api/inbox';
import type { MentionStatus } from '../../../../shared/domain/mention';
import { ApiError, call } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { currentOperatorName } from '../../stores/operator';

/** A mention an action is about, with the version the operator saw (for the collision check). */
export interface ActionTarget {
  id: number;
  expectedVersion?: number;
}

export type WorkflowAction =
  | { kind: 'status'; status: MentionStatus }
  | { kind: 'assign'; assignee: string | null }
  | { kind: 'tag'; add: string[]; remove: string[] };

/** What the toast shows after an action: what happened, and the way back. */
export interface ActionNotice {
  id: number;
  text: string;
  undoToken: string | null;
  /** The mentions the notice's change still can undo (one of them alone: `undoOne`). */
  ids: number[];
  error: boolean;
}

/** An action refused because a mention changed since it was opened, waiting for the operator's word. */
export interface PendingConflict {
  action: WorkflowAction;
  targets: ActionTarget[];
  message: string;
}

function send(action: WorkflowAction, targets: ActionTarget[], force: boolean): Promise<WorkflowOutcome> {
  const base = { operator: currentOperatorName(), mentions: targets, force };
  switch (action.kind) {
    case 'status':
      return call('inbox.setStatus', { ...base, status: action.status });
    case 'assign':
      return call('inbox.assign', { ...base, assignee: action.assignee });
    case 'tag':
      return call('inbox.tag', { ...base, add: action.add, remove: action.remove });
  }
}

let noticeId = 0;

/**
 * Runs the inbox's workflow actions (status, assignment, tags) on one mention or a selection: a change
 * made meanwhile by someone else is not overwritten without asking, and every action can be undone.
 */
export function useWorkflow(onChanged: (outcome: WorkflowOutcome) => void) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  const [conflict, setConflict] = useState<PendingConflict | null>(null);
  /** Per mention, the undo token of the latest change this window made to it. */
  const ledger = useRef(new Map<number, string>());
  const remember = useCallback((outcome: WorkflowOutcome) => {
    if (!outcome.undoToken) return;
    for (const changed of outcome.changed) ledger.current.set(changed.id, outcome.undoToken);
  }, []);

  const describe = useCallback(
    (action: WorkflowAction): string => {
      switch (action.kind) {
        case 'status':
          if (action.status === 'resolved') return t('inbox.actions.resolved');
          if (action.status === 'spam') return t('inbox.actions.markedSpam');
          return t('inbox.actions.statusSet', { status: t(`status.${action.status}`) });
        case 'assign':
          return action.assignee
            ? t('inbox.actions.assigned', { name: action.assignee })
            : t('inbox.actions.unassigned');
        case 'tag':
          return t('inbox.actions.tagged', { tag: [...action.add, ...action.remove].join(', ') });
      }
    },
    [t],
  );

  const fail = useCallback(
    (caught: unknown) => {
      const message = caught instanceof ApiError ? caught.message : String(caught);
      setNotice({
        id: ++noticeId,
        text: t('inbox.actions.failed', { message }),
        undoToken: null,
        ids: [],
        error: true,
      });
    },
    [t],
  );

  const run = useCallback(
    async (action: WorkflowAction, targets: ActionTarget[], force = false): Promise<WorkflowOutcome | null> => {
      if (targets.length === 0) {
        setNotice({ id: ++noticeId, text: t('inbox.actions.noSelection'), undoToken: null, ids: [], error: true });
        return null;
      }
      try {
        const outcome = await send(action, targets, force);
        const count = targets.length;
        setNotice({
          id: ++noticeId,
          text: t('inbox.actions.done', { what: describe(action), count, formatted: fmt.number(count) }),
          undoToken: outcome.undoToken,
          ids: outcome.changed.map((changed) => changed.id),
          error: false,
        });
        remember(outcome);
        onChanged(outcome);
        return outcome;
      } catch (caught) {
        if (caught instanceof ApiError && caught.code === 'conflict') {
          setConflict({ action, targets, message: caught.message });
          return null;
        }
        fail(caught);
        return null;
      }
    },
    [t, fmt, describe, onChanged, fail, remember],
  );

  /**
   * Undoes the notice's change for all its mentions, or only for `id` (one item of a bulk change). The
   * notice then offers the rest, so the operator can take back one row and keep the others.
   */
  const undoChange = useCallback(
    async (token: string, id?: number) => {
      try {
        const outcome = await call('inbox.undo', {
          operator: currentOperatorName(),
          token,
          ...(id === undefined ? {} : { ids: [id] }),
        });
        const undone = new Set(outcome.changed.map((changed) => changed.id));
        for (const changedId of undone) ledger.current.delete(changedId);
        const left = notice?.undoToken === token ? notice.ids.filter((other) => !undone.has(other)) : [];
        const count = undone.size;
        setNotice({
          id: ++noticeId,
          text:
            id === undefined
              ? t('inbox.actions.undone')
              : t('inbox.actions.undoneOne', { count, formatted: fmt.number(count) }),
          undoToken: outcome.undoToken && left.length > 0 ? outcome.undoToken : null,
          ids: outcome.undoToken ? left : [],
          error: false,
        });
        onChanged(outcome);
      } catch (caught) {
        fail(caught);
      }
    },
    [notice, t, fmt, onChanged, fail],
  );

  /** Undoes the last change (the notice's), for every mention it still covers. */
  const undo = useCallback(async () => {
    if (notice?.undoToken) await undoChange(notice.undoToken);
  }, [notice, undoChange]);

  /**
   * Undoes the most recent change this window made to mention `id`, and only for that mention: the way to
   * take back one item of a bulk action (Shift+U on its row), also after the notice has gone.
   */
  const undoOne = useCallback(
    async (id: number) => {
      const token = ledger.current.get(id);
      if (!token) {
        setNotice({ id: ++noticeId, text: t('inbox.actions.nothingToUndo'), undoToken: null, ids: [], error: true });
        return;
      }
      await undoChange(token, id);
    },
    [t, undoChange],
  );

  const resolveConflict = useCallback(
    (overwrite: boolean) => {
      const pending = conflict;
      setConflict(null);
      if (overwrite && pending) void run(pending.action, pending.targets, true);
    },
    [conflict, run],
  );

  return {
    run,
    undo,
    undoOne,
    notice,
    dismiss: () => setNotice(null),
    conflict,
    resolveConflict,
  };
}
