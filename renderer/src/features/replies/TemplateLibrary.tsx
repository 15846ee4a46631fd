import { CircleAlert, FileText, LoaderCircle, Plus, Search } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Snippet, Template } from '../../../../shared/api/replies';
import { ApiError, call } from '../../api/client';
import { StateMessage } from '../../components/StateMessage';
import { LibraryTransfer } from './LibraryTransfer';
import { SnippetEditor } from './SnippetEditor';
import { TemplateEditor } from './TemplateEditor';
import '../../styles/replies.css';

type Selection = { kind: 'template'; id: number | null } | { kind: 'snippet'; id: number | null } | null;

/** Settings → Templates: the library by category with search, the snippets, and sharing as JSON. */
export function TemplateLibrary() {
  const { t } = useTranslation();
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [snippets, setSnippets] = useState<Snippet[]>([]);
  const [failed, setFailed] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [selection, setSelection] = useState<Selection>(null);

  const reload = useCallback(() => {
    Promise.all([call('replies.templates.list', {}), call('replies.snippets.list', {})])
      .then(([nextTemplates, nextSnippets]) => {
        setTemplates(nextTemplates);
        setSnippets(nextSnippets);
        setFailed(null);
      })
      .catch((error: unknown) => setFailed(error instanceof ApiError ? error.message : String(error)));
  }, []);
  useEffect(reload, [reload]);

  const byCategory = useMemo(() => {
    const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const groups = new Map<string, Template[]>();
    for (const template of templates ?? []) {
      const haystack = [template.name, template.category, template.description, ...template.variants.map((v) => v.body)]
        .join(' ')
        .toLowerCase();
      if (!words.every((word) => haystack.includes(word))) continue;
      groups.set(template.category, [...(groups.get(template.category) ?? []), template]);
    }
    return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [templates, search]);

  if (failed) {
    return (
      <StateMessage kind="error" icon={CircleAlert} title={t('templates.loadFailed')}>
        <p className="state-message__body">{failed}</p>
        <button type="button" className="button" onClick={reload}>
          {t('replies.tryAgain')}
        </button>
      </StateMessage>
    );
  }
  if (!templates) return <StateMessage kind="loading" icon={LoaderCircle} title={t('templates.loading')} />;

  const selectedTemplate =
    selection?.kind === 'template' ? (templates.find((x) => x.id === selection.id) ?? null) : null;
  const selectedSnippet = selection?.kind === 'snippet' ? (snippets.find((x) => x.id === selection.id) ?? null) : null;
  const isCurrent = (kind: 'template' | 'snippet', id: number) => selection?.kind === kind && selection.id === id;

  return (
    <div className="template-library">
      <div className="template-library__toolbar">
        <h2 className="settings-section__title">{t('templates.title')}</h2>
        <span className="tone-settings__spacer" />
        <button
          type="button"
          className="button button--small button--primary"
          onClick={() => setSelection({ kind: 'template', id: null })}
        >
          <Plus aria-hidden="true" size={14} />
          {t('templates.new')}
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => setSelection({ kind: 'snippet', id: null })}
        >
          <Plus aria-hidden="true" size={14} />
          {t('templates.newSnippetButton')}
        </button>
        <LibraryTransfer onImported={reload} />
      </div>
      <div className="template-library__panes">
        <nav className="template-library__list" aria-label={t('templates.listLabel')}>
          <label className="template-library__search">
            <Search aria-hidden="true" size={14} />
            <span className="visually-hidden">{t('templates.search')}</span>
            <input
              className="input"
              type="search"
              placeholder={t('templates.search')}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          </label>
          {byCategory.length === 0 && (
            <p className="muted">{templates.length === 0 ? t('templates.emptyLibrary') : t('templates.noMatch')}</p>
          )}
          {byCategory.map(([category, list]) => (
            <section key={category} className="template-library__group" aria-label={category}>
              <h3 className="template-library__category">{category}</h3>
              <ul>
                {list.map((template) => (
                  <li key={template.id}>
                    <button
                      type="button"
                      className="choice template-library__item"
                      aria-current={isCurrent('template', template.id) ? 'true' : undefined}
                      onClick={() => setSelection({ kind: 'template', id: template.id })}
                    >
                      <span>{template.name}</span>
                      <span className="template-library__langs">
                        {[...new Set(template.variants.map((variant) => variant.lang))].join(' · ').toUpperCase()}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <section className="template-library__group" aria-label={t('templates.snippets')}>
            <h3 className="template-library__category">{t('templates.snippets')}</h3>
            <ul>
              {snippets.map((snippet) => (
                <li key={snippet.id}>
                  <button
                    type="button"
                    className="choice template-library__item"
                    aria-current={isCurrent('snippet', snippet.id) ? 'true' : undefined}
                    onClick={() => setSelection({ kind: 'snippet', id: snippet.id })}
                  >
                    <code>{`{{> ${snippet.name}}}`}</code>
                    <span className="template-library__langs">{snippet.lang.toUpperCase()}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </nav>
        <div className="template-library__editor">
          {selection === null && (
            <StateMessage kind="empty" icon={FileText} title={t('templates.pickTitle')}>
              <p className="state-message__body">{t('templates.pickBody')}</p>
            </StateMessage>
          )}
          {selection?.kind === 'template' && (
            <TemplateEditor
              key={selection.id ?? 'new'}
              template={selectedTemplate}
              snippets={snippets}
              onSaved={(saved) => {
                setSelection({ kind: 'template', id: saved.id });
                reload();
              }}
              onDeleted={() => {
                setSelection(null);
                reload();
              }}
            />
          )}
          {selection?.kind === 'snippet' && (
            <SnippetEditor
              key={selection.id ?? 'new'}
              snippet={selectedSnippet}
              onSaved={(saved) => {
                setSelection({ kind: 'snippet', id: saved.id });
                reload();
              }}
              onDeleted={() => {
                setSelection(null);
                reload();
              }}
            />
          )}
        </div>
      </div>
    </div>
  );
}
