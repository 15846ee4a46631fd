import { BookmarkPlus, CircleAlert, Search, X } from 'lucide-react';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { describeQueryError } from './queryError';
import { QueryField, useQueryReading } from './QueryField';
import { SaveTopicPanel } from './SaveTopicPanel';
import type { AppliedSearch, SearchSort } from './searchPager';

const SORTS: SearchSort[] = ['newest', 'relevance'];

function isTextEntry(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select') !== null)
  );
}

/** `/` anywhere in the inbox (outside a text field) puts the cursor in the search bar. */
function useSlashToSearch(input: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTextEntry(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [input]);
}

/**
 * The inbox's search bar: the query language, coloured as it is typed, a mistake underlined where it
 * is with the sentence beneath; Enter runs the query, the order toggles between newest and relevance,
 * and a valid query can be kept as a topic.
 */
export function SearchBar({
  applied,
  onApply,
}: {
  applied: AppliedSearch | null;
  onApply(next: AppliedSearch | null): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(applied?.query ?? '');
  const [sort, setSort] = useState<SearchSort>(applied?.sort ?? 'newest');
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const reading = useQueryReading(draft);
  useSlashToSearch(input);
  // The query can also change from outside (its filter chip removed, a saved view or link opened).
  const appliedQuery = applied?.query ?? '';
  const [syncedQuery, setSyncedQuery] = useState(appliedQuery);
  if (syncedQuery !== appliedQuery) {
    setSyncedQuery(appliedQuery);
    setDraft(appliedQuery);
  }

  const query = draft.trim();
  const error = reading.error ? describeQueryError(t, draft, reading.error) : null;
  const pending = !error && query !== '' && query !== applied?.query;

  const run = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    if (query === '') onApply(null);
    else if (!reading.error) onApply({ query, sort });
  };

  const clear = () => {
    setDraft('');
    setSaving(false);
    setNotice(null);
    onApply(null);
    input.current?.focus();
  };

  const changeSort = (next: SearchSort) => {
    setSort(next);
    if (applied) onApply({ ...applied, sort: next });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') input.current?.blur();
  };

  return (
    <div className="search-bar">
      <form role="search" aria-label={t('search.label')} className="search-bar__form" onSubmit={run}>
        <div className="search-bar__field">
          <Search className="search-bar__icon" aria-hidden="true" size={16} />
          <QueryField
            id={`${id}-query`}
            value={draft}
            onChange={(value) => {
              setDraft(value);
              setNotice(null);
            }}
            reading={reading}
            label={t('search.inputLabel')}
            placeholder={t('search.placeholder')}
            describedBy={`${id}-message`}
            inputRef={input}
            onKeyDown={onKeyDown}
          />
          {draft !== '' && (
            <button
              type="button"
              className="icon-button search-bar__clear"
              onClick={clear}
              aria-label={t('search.clear')}
              title={t('search.clear')}
            >
              <X aria-hidden="true" size={16} />
            </button>
          )}
        </div>
        <button type="submit" className="button search-bar__run">
          {t('search.run')}
        </button>
        {/* Relevance only means something for a query; the inbox's own order is in its header. */}
        {query !== '' && (
          <div className="segmented" role="radiogroup" aria-label={t('search.sortLabel')}>
            {SORTS.map((value) => (
              <label key={value} className="segmented__option">
                <input
                  type="radio"
                  name={`${id}-sort`}
                  value={value}
                  checked={sort === value}
                  onChange={() => changeSort(value)}
                />
                <span>{t(`search.sort.${value}`)}</span>
              </label>
            ))}
          </div>
        )}
        <button
          type="button"
          className="button"
          aria-expanded={saving}
          disabled={query === '' || reading.error !== null}
          onClick={() => setSaving((open) => !open)}
        >
          <BookmarkPlus aria-hidden="true" size={16} />
          {t('search.saveAsTopic')}
        </button>
      </form>
      <p
        id={`${id}-message`}
        className={`search-bar__message${error ? ' search-bar__message--error' : ''}`}
        aria-live="polite"
      >
        {error && <CircleAlert aria-hidden="true" size={14} />}
        {error ?? notice ?? (pending ? t('search.pressEnter') : '')}
      </p>
      {saving && !reading.error && query !== '' && (
        <SaveTopicPanel
          query={query}
          onDone={(message) => {
            setSaving(false);
            setNotice(message);
            input.current?.focus();
          }}
        />
      )}
    </div>
  );
}
