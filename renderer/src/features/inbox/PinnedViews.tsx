import { Bookmark, Hash } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { VIEW_COUNT_CAP } from '../../../../shared/domain/inbox';
import { useFormat } from '../../i18n/format';
import { useCurrentPage } from '../../route';
import { inboxHref, useInboxView } from './link';
import { useInboxViews, useViewsFeed } from './viewsStore';

/**
 * Saved views pinned in the sidebar, under the inbox, each with how many mentions it holds now:
 * "Mijn open berichten", "Negatief en veel bereik", one per topic, and the operator's own.
 */
export function PinnedViews() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const page = useCurrentPage();
  const shownView = useInboxView();
  const views = useInboxViews((state) => state.views).filter((view) => view.pinned);
  useViewsFeed();
  if (views.length === 0) return null;
  const current = page === 'inbox' ? shownView : null;
  return (
    <section className="pinned-views" aria-labelledby="pinned-views-title">
      <h2 id="pinned-views-title" className="pinned-views__title">
        {t('inbox.views.label')}
      </h2>
      <ul className="nav">
        {views.map((view) => {
          const count = view.countCapped ? `${fmt.number(VIEW_COUNT_CAP)}+` : fmt.number(view.count);
          return (
            <li key={view.key}>
              <a
                className="nav__link pinned-views__link"
                href={inboxHref(view.filter, { sort: view.sort, view: view.key })}
                aria-current={current === view.key ? 'page' : undefined}
              >
                {view.topicId !== null ? (
                  <Hash aria-hidden="true" size={14} style={{ color: view.colour ?? undefined }} />
                ) : (
                  <Bookmark aria-hidden="true" size={14} />
                )}
                <span className="pinned-views__name">{view.name}</span>
                <span
                  className="pinned-views__count numeric"
                  aria-label={t('inbox.views.countLabel', { count: view.count, formatted: count })}
                >
                  {count}
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
