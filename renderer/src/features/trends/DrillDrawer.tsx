import { AlertTriangle, Loader2, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionRow } from '../../../../shared/domain/mention';
import { call } from '../../api/client';
import { ChannelLabel, SentimentLabelView } from '../../components/MentionLabels';
import { StateMessage } from '../../components/StateMessage';
import { useFormat } from '../../i18n/format';
import type { DrillRequest, PanelRange } from './panelProps';

const PAGE = 50;

interface DrillPage {
  /** The drill and range these rows belong to. */
  key: string;
  rows: MentionRow[];
  total: number;
}

/** The mentions behind a term, a municipality or an hour-of-week cell, beside the dashboard. */
export function DrillDrawer({ drill, range, onClose }: { drill: DrillRequest; range: PanelRange; onClose(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const key = JSON.stringify([drill, range]);
  const [page, setPage] = useState<DrillPage | null>(null);
  const [error, setError] = useState<{ key: string; message: string } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const fetchRows = (offset: number) =>
    call('trends.drill', {
      from: drill.from ?? range.from,
      to: drill.to ?? range.to,
      filter: range.filter,
      term: drill.term,
      municipality: drill.municipality,
      hourOfWeek: drill.hourOfWeek,
      offset,
      limit: PAGE,
    });
  const failed = (error: unknown) => setError({ key, message: error instanceof Error ? error.message : String(error) });

  useEffect(() => {
    let current = true;
    fetchRows(0).then(
      (result) => current && setPage({ key, rows: result.rows, total: result.total }),
      (error: unknown) => current && failed(error),
    );
    return () => {
      current = false;
    };
    // `key` stands for drill and range: a new drill starts again from the first page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const loadMore = async () => {
    if (!page) return;
    setLoadingMore(true);
    try {
      const result = await fetchRows(page.rows.length);
      setPage({ key, rows: [...page.rows, ...result.rows], total: result.total });
    } catch (caught) {
      failed(caught);
    } finally {
      setLoadingMore(false);
    }
  };

  // Escape closes the drawer, unless a menu or a dialog took it first.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && !document.querySelector('dialog[open]')) onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  const shown = page?.key === key ? page : null;
  const problem = error?.key === key ? error.message : null;
  const loading = (!shown && !problem) || loadingMore;
  const state = { rows: shown?.rows ?? [], total: shown?.total ?? null, loading, error: problem };

  return (
    <aside className="drill" aria-label={drill.title}>
      <header className="drill__head">
        <div>
          <h2 className="drill__title">{drill.title}</h2>
          {state.total !== null && (
            <p className="drill__count numeric">
              {t('trends.drill.count', { count: state.total, formatted: fmt.number(state.total) })}
            </p>
          )}
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('trends.drill.close')}>
          <X aria-hidden="true" size={16} />
        </button>
      </header>
      {state.error ? (
        <StateMessage kind="error" icon={AlertTriangle} title={t('trends.drill.failed')}>
          <p className="state-message__body">{state.error}</p>
        </StateMessage>
      ) : (
        <ol className="drill__list">
          {state.rows.map((row) => (
            <li key={row.id} className="drill__item">
              <div className="drill__meta">
                <ChannelLabel channel={row.channel} />
                <span className="drill__author">{row.author.displayName ?? row.author.handle}</span>
                <time className="drill__time numeric" dateTime={row.createdAt}>
                  {fmt.dateTime(row.createdAt)}
                </time>
              </div>
              <p className="drill__text">{row.text}</p>
              <SentimentLabelView sentiment={row.sentiment} />
            </li>
          ))}
        </ol>
      )}
      {state.loading && <Loader2 className="trend-panel__spinner" aria-label={t('trends.panel.loading')} size={16} />}
      {!state.loading && state.total !== null && state.rows.length < state.total && (
        <button type="button" className="button button--small drill__more" onClick={() => void loadMore()}>
          {t('trends.drill.more')}
        </button>
      )}
    </aside>
  );
}
