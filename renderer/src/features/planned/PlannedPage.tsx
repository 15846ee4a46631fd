import { Bell, ChartLine, FileChartColumn, Monitor, type LucideIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { StateMessage } from '../../components/StateMessage';
import { hrefFor } from '../../route';

export type PlannedPageId = 'trends' | 'alerts' | 'wall' | 'reports';

const ICONS: Record<PlannedPageId, LucideIcon> = {
  trends: ChartLine,
  alerts: Bell,
  wall: Monitor,
  reports: FileChartColumn,
};

/** A page that a later version fills: it says what it will do and what the operator can do today. */
export function PlannedPage({ page }: { page: PlannedPageId }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`planned.${page}.title`)} />
      <div className="page-body page-body--centered">
        <StateMessage kind="empty" icon={ICONS[page]} title={t('planned.later')}>
          <p className="state-message__body">{t(`planned.${page}.what`)}</p>
          <p className="state-message__body state-message__body--next">{t(`planned.${page}.now`)}</p>
          <a className="button button--primary" href={hrefFor('inbox')}>
            {t('planned.backToInbox')}
          </a>
        </StateMessage>
      </div>
    </>
  );
}
