import { AlertTriangle, ArrowDown, ArrowUp, Columns2, Download, Loader2, SearchX, X } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StateMessage } from '../../components/StateMessage';
import type { ChartHandle } from './Chart';
import { toCsv, type CsvCell } from './csv';
import { Menu, menuItem } from './Menu';
import { blobFromDataUrl, downloadFile, exportFileName } from './download';
import { rangeDays } from './period';

/** A panel's data as a table, for the CSV export. */
export interface PanelTable {
  header: string[];
  rows: CsvCell[][];
}

/** Where a panel sits on the dashboard, and what the operator can do to it there. */
export interface PanelPlacement {
  wide: boolean;
  first: boolean;
  last: boolean;
  onMove(step: -1 | 1): void;
  onToggleWide(): void;
  onRemove(): void;
}

interface PanelFrameProps {
  /** Short id used in export file names, e.g. `volume`. */
  name: string;
  title: string;
  /** One line under the title: what the panel measures, or a figure such as a correlation. */
  caption?: ReactNode;
  /** Choices of this panel (stack by, region, signal...). */
  options?: ReactNode;
  placement: PanelPlacement;
  range: { from: string; to: string };
  loading: boolean;
  error: Error | null;
  empty: boolean;
  /** What the empty state says instead of "no mentions in this period", when the panel knows better. */
  emptyText?: { title: string; hint: string };
  /** What the operator can do about an empty panel (a button), under the empty state's hint. */
  emptyAction?: ReactNode;
  /** The chart to export as PNG and SVG, asked for at the moment of export. */
  chart?: () => ChartHandle | null;
  table: () => PanelTable | null;
  children: ReactNode;
}

/**
 * The frame every panel shares: title, its own choices, export (PNG, SVG, CSV), arrangement on the
 * dashboard, and the designed loading, empty and error states.
 */
export function PanelFrame(props: PanelFrameProps) {
  const { t } = useTranslation();
  const { name, title, placement, range, chart } = props;
  const file = (extension: string) => {
    const days = rangeDays(range);
    return exportFileName(name, days.from, days.to, extension);
  };
  const exportPng = () => {
    const png = chart?.()?.toPng();
    if (png) downloadFile(file('png'), blobFromDataUrl(png));
  };
  const exportSvg = () => {
    const svg = chart?.()?.toSvg();
    if (svg) downloadFile(file('svg'), new Blob([svg], { type: 'image/svg+xml' }));
  };
  const exportCsv = () => {
    const table = props.table();
    if (table)
      downloadFile(file('csv'), new Blob([toCsv(table.header, table.rows)], { type: 'text/csv;charset=utf-8' }));
  };
  const ready = !props.error && !props.empty && !(props.loading && props.empty);
  return (
    <section
      className={`trend-panel${placement.wide ? ' trend-panel--wide' : ''}`}
      aria-label={title}
      aria-busy={props.loading}
    >
      <header className="trend-panel__head">
        <div className="trend-panel__titles">
          <h2 className="trend-panel__title">{title}</h2>
          {props.caption && <p className="trend-panel__caption">{props.caption}</p>}
        </div>
        <div className="trend-panel__tools">
          {props.options}
          {props.loading && !props.empty && (
            <Loader2 className="trend-panel__spinner" aria-label={t('trends.panel.updating')} size={14} />
          )}
          <Menu
            label={t('trends.panel.exportLabel', { title })}
            title={t('trends.panel.export')}
            icon={<Download aria-hidden="true" size={15} />}
          >
            {chart && (
              <button type="button" className="menu__item" disabled={!ready} onClick={menuItem(exportPng)}>
                {t('trends.panel.exportPng')}
              </button>
            )}
            {chart && (
              <button type="button" className="menu__item" disabled={!ready} onClick={menuItem(exportSvg)}>
                {t('trends.panel.exportSvg')}
              </button>
            )}
            <button type="button" className="menu__item" disabled={!ready} onClick={menuItem(exportCsv)}>
              {t('trends.panel.exportCsv')}
            </button>
          </Menu>
          <Menu
            label={t('trends.panel.arrangeLabel', { title })}
            title={t('trends.panel.arrange')}
            icon={<Columns2 aria-hidden="true" size={15} />}
          >
            <button
              type="button"
              className="menu__item"
              disabled={placement.first}
              onClick={menuItem(() => placement.onMove(-1))}
            >
              <ArrowUp aria-hidden="true" size={14} />
              {t('trends.panel.moveUp')}
            </button>
            <button
              type="button"
              className="menu__item"
              disabled={placement.last}
              onClick={menuItem(() => placement.onMove(1))}
            >
              <ArrowDown aria-hidden="true" size={14} />
              {t('trends.panel.moveDown')}
            </button>
            <button type="button" className="menu__item" onClick={menuItem(placement.onToggleWide)}>
              <Columns2 aria-hidden="true" size={14} />
              {placement.wide ? t('trends.panel.narrow') : t('trends.panel.wide')}
            </button>
            <button type="button" className="menu__item menu__item--danger" onClick={menuItem(placement.onRemove)}>
              <X aria-hidden="true" size={14} />
              {t('trends.panel.remove')}
            </button>
          </Menu>
        </div>
      </header>
      <div className="trend-panel__body">
        {props.error ? (
          <StateMessage kind="error" icon={AlertTriangle} title={t('trends.panel.failed')}>
            <p className="state-message__body">{props.error.message}</p>
          </StateMessage>
        ) : props.empty ? (
          props.loading ? (
            <div className="trend-panel__skeleton" role="status" aria-label={t('trends.panel.loading')} />
          ) : (
            <StateMessage kind="empty" icon={SearchX} title={props.emptyText?.title ?? t('trends.panel.empty')}>
              <p className="state-message__body">{props.emptyText?.hint ?? t('trends.panel.emptyHint')}</p>
              {props.emptyAction}
            </StateMessage>
          )
        ) : (
          props.children
        )}
      </div>
    </section>
  );
}
