import {
  Bell,
  ChartLine,
  FileChartColumn,
  FileUp,
  Inbox,
  MessageSquareReply,
  Monitor,
  Settings,
  type LucideIcon,
} from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { PinnedViews } from '../features/inbox/PinnedViews';
import { hrefFor, type PageId } from '../route';

const ITEMS: { page: PageId; icon: LucideIcon }[] = [
  { page: 'inbox', icon: Inbox },
  { page: 'replies', icon: MessageSquareReply },
  { page: 'trends', icon: ChartLine },
  { page: 'alerts', icon: Bell },
  { page: 'wall', icon: Monitor },
  { page: 'reports', icon: FileChartColumn },
];

function NavLink({ page, icon: Icon, current }: { page: PageId; icon: LucideIcon; current: boolean }) {
  const { t } = useTranslation();
  return (
    <li>
      <a className="nav__link" href={hrefFor(page)} aria-current={current ? 'page' : undefined}>
        <Icon aria-hidden="true" size={16} strokeWidth={2} />
        <span>{t(`nav.${page}`)}</span>
      </a>
    </li>
  );
}

export function Navigation({ current }: { current: PageId }) {
  const { t } = useTranslation();
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="sidebar__brand">
        <img src="./favicon.svg" alt="" width={20} height={20} />
        <span>{t('app.name')}</span>
      </div>
      <ul className="nav">
        {ITEMS.map((item) => (
          <NavLink key={item.page} {...item} current={current === item.page} />
        ))}
      </ul>
      <PinnedViews />
      <ul className="nav nav--bottom">
        <NavLink page="import" icon={FileUp} current={current === 'import'} />
        <NavLink page="settings" icon={Settings} current={current === 'settings'} />
      </ul>
    </nav>
  );
}
