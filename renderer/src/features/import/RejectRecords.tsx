import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/api/contract';
import type { RejectGroup, RetryOutcome } from '../../../../shared/api/imports';
import { call } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { RejectReasonText } from './RejectReason';
import { groupName } from './rejects';
import { RetryPanel } from './RetryPanel';

type Page = MethodOutput<'ingest.rejectsOf'>;
const PAGE = 100;

/** One file's (or source's) rejected records: record number, reason and the original, with a retry where it can work. */
export function RejectRecords({ group, onRetried }: { group: RejectGroup; onRetried(outcome: RetryOutcome): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [page, setPage] = useState<Page | null>(null);

  const load = useCallback(
    (limit: number) =>
      void call('ingest.rejectsOf', { sourceId: group.sourceId, file: group.file, limit })
        .then(setPage)
        .catch(() => setPage({ total: 0, rows: [] })),
    [group.sourceId, group.file],
  );
  useEffect(() => load(PAGE), [load]);

  return (
    <section className="rejects__detail" aria-labelledby="rejects-detail-title">
      <header className="rejects__detail-header">
        <h2 id="rejects-detail-title" className="rejects__detail-title">
          {groupName(group)}
        </h2>
        <p className="muted">
          {group.file
            ? t('rejects.fromFile')
            : t('rejects.fromSource', {
                kind: t(`sources.kinds.${group.sourceKind}`, { defaultValue: group.sourceKind }),
              })}
        </p>
      </header>
      {group.retry ? (
        <RetryPanel
          group={group}
          retry={group.retry}
          onRetried={(outcome) => {
            load(PAGE);
            onRetried(outcome);
          }}
        />
      ) : (
        <p className="field__help">{t('rejects.notRetryable')}</p>
      )}
      {page && (
        <table className="reject-table">
          <caption className="visually-hidden">{t('rejects.tableCaption', { name: groupName(group) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rejects.columns.record')}</th>
              <th scope="col">{t('rejects.columns.reason')}</th>
              <th scope="col">{t('rejects.columns.raw')}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row) => (
              <tr key={row.id}>
                <td className="numeric">{row.recordNo === null ? t('common.missing') : fmt.number(row.recordNo)}</td>
                <td className="reject-table__reason">
                  <RejectReasonText why={row} />
                </td>
                <td>
                  <details className="reject-table__raw">
                    <summary>{t('rejects.showRaw')}</summary>
                    <pre>{pretty(row.raw)}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page && page.rows.length < page.total && (
        <button type="button" className="button" onClick={() => load(Math.min(500, page.rows.length + PAGE))}>
          {t('rejects.more', { shown: fmt.number(page.rows.length), total: fmt.number(page.total) })}
        </button>
      )}
    </section>
  );
}

function pretty(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}
