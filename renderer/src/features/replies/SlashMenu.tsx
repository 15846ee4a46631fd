import { useTranslation } from 'react-i18next';
import type { Template } from '../../../../shared/replies/model';

/** The templates whose name (or category) matches what was typed after `/`, best match first. */
export function matchTemplates(templates: readonly Template[], query: string, limit = 8): Template[] {
  const wanted = fold(query);
  const scored: { template: Template; score: number }[] = [];
  for (const template of templates) {
    const name = fold(template.name);
    let score: number;
    if (wanted === '') score = 3;
    else if (name.startsWith(wanted)) score = 0;
    else if (name.split(/[\s_-]+/).some((word) => word.startsWith(wanted))) score = 1;
    else if (name.includes(wanted) || fold(template.category).startsWith(wanted)) score = 2;
    else continue;
    scored.push({ template, score });
  }
  return scored
    .sort(
      (a, b) =>
        a.score - b.score || b.template.uses - a.template.uses || a.template.name.localeCompare(b.template.name),
    )
    .slice(0, limit)
    .map((entry) => entry.template);
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export const optionId = (listId: string, template: Template) => `${listId}-t${template.id}`;

/**
 * The / menu: a listbox under the caret. Focus stays in the reply field (which points at the active
 * option with aria-activedescendant), so typing goes on filtering while arrow keys choose.
 */
export function SlashMenu(props: {
  listId: string;
  matches: Template[];
  active: number;
  position: { top: number; left: number };
  onPick(template: Template): void;
  onHover(index: number): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="slash-menu" style={{ top: props.position.top, left: props.position.left }}>
      {props.matches.length === 0 ? (
        <p className="slash-menu__empty">{t('composer.slash.none')}</p>
      ) : (
        <ul id={props.listId} role="listbox" aria-label={t('composer.slash.label')} className="slash-menu__list">
          {props.matches.map((template, index) => (
            <li
              key={template.id}
              id={optionId(props.listId, template)}
              role="option"
              aria-selected={index === props.active}
              className="slash-menu__option"
              // mousedown, not click: the field keeps focus and its caret.
              onMouseDown={(event) => {
                event.preventDefault();
                props.onPick(template);
              }}
              onMouseEnter={() => props.onHover(index)}
            >
              <span className="slash-menu__name">{template.name}</span>
              <span className="slash-menu__category">{template.category}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="slash-menu__hint">{t('composer.slash.hint')}</p>
    </div>
  );
}
