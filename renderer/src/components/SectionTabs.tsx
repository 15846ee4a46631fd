import type { PageId } from '../route';
import { hrefFor } from '../route';

/** Links to the sections of a page (`#/settings`, `#/settings/sources`): ordinary links, so keys and history just work. */
export function SectionTabs(props: {
  page: PageId;
  label: string;
  current: string | null;
  sections: { section: string | null; label: string }[];
}) {
  return (
    <nav className="section-tabs" aria-label={props.label}>
      {props.sections.map(({ section, label }) => (
        <a
          key={section ?? ''}
          className="section-tabs__link"
          href={hrefFor(props.page, section ?? undefined)}
          aria-current={props.current === section ? 'page' : undefined}
        >
          {label}
        </a>
      ))}
    </nav>
  );
}
