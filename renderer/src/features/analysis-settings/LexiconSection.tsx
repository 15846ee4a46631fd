import { Plus, Trash2 } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LexiconEntry } from '../../../../shared/api/analysis';
import { ApiError, call } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { currentOperator } from './operator';

const failure = (caught: unknown) => (caught instanceof ApiError ? caught.message : String(caught));

function signed(value: number, fmt: ReturnType<typeof useFormat>): string {
  return value > 0 ? `+${fmt.number(value)}` : fmt.number(value);
}

/** One word's weight, saved when the operator leaves the field or presses Enter (keyed by the stored weight). */
function WeightInput({ entry, onSave }: { entry: LexiconEntry; onSave(weight: number): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(String(entry.weight));
  const commit = () => {
    const weight = Number(text);
    if (text.trim() !== '' && Number.isFinite(weight) && weight !== entry.weight) onSave(weight);
  };
  return (
    <input
      className="input lexicon__weight numeric"
      type="number"
      min={-4}
      max={4}
      step={0.5}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => event.key === 'Enter' && commit()}
      aria-label={t('analysis.editLabel', { term: entry.term })}
    />
  );
}

/** Settings → Analysis → the workspace lexicon: words with a weight, applied to new and earlier mentions. */
export function LexiconSection() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [entries, setEntries] = useState<LexiconEntry[] | null>(null);
  const [term, setTerm] = useState('');
  const [weight, setWeight] = useState('-2');
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    call('lexicon.list', {})
      .then(setEntries)
      .catch((caught: unknown) => setNotice({ text: t('analysis.failed', { message: failure(caught) }), error: true }));
  }, [t]);

  const save = async (word: string, value: number) => {
    try {
      const changed = await call('lexicon.save', { term: word, weight: value, operator: currentOperator() });
      setEntries(changed.entries);
      setNotice({ text: t('analysis.lexiconSaved', { term: word.trim().toLowerCase() }), error: false });
      return true;
    } catch (caught) {
      setNotice({ text: t('analysis.failed', { message: failure(caught) }), error: true });
      return false;
    }
  };

  const remove = async (word: string) => {
    try {
      const changed = await call('lexicon.delete', { term: word, operator: currentOperator() });
      setEntries(changed.entries);
      setNotice({ text: t('analysis.lexiconRemoved', { term: word }), error: false });
    } catch (caught) {
      setNotice({ text: t('analysis.failed', { message: failure(caught) }), error: true });
    }
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (await save(term, Number(weight))) setTerm('');
  };

  const builtIn = (entry: LexiconEntry) =>
    entry.builtIn.nl === null && entry.builtIn.en === null
      ? t('common.missing')
      : t('analysis.builtInValue', {
          nl: entry.builtIn.nl === null ? t('common.missing') : signed(entry.builtIn.nl, fmt),
          en: entry.builtIn.en === null ? t('common.missing') : signed(entry.builtIn.en, fmt),
        });

  return (
    <section className="settings-section" aria-labelledby="settings-lexicon">
      <h2 id="settings-lexicon" className="settings-section__title">
        {t('analysis.lexiconTitle')}
      </h2>
      <p className="settings-section__help">{t('analysis.lexiconHelp')}</p>
      {entries && entries.length === 0 && <p className="muted">{t('analysis.emptyLexicon')}</p>}
      {entries && entries.length > 0 && (
        <table className="lexicon">
          <caption className="visually-hidden">{t('analysis.lexiconTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analysis.term')}</th>
              <th scope="col">{t('analysis.weight')}</th>
              <th scope="col">{t('analysis.builtIn')}</th>
              <th scope="col">{t('analysis.updatedBy')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('analysis.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.term}>
                <th scope="row" className="lexicon__term">
                  {entry.term}
                </th>
                <td>
                  <WeightInput key={entry.weight} entry={entry} onSave={(value) => void save(entry.term, value)} />
                </td>
                <td className="numeric muted">{builtIn(entry)}</td>
                <td className="muted">{entry.updatedBy}</td>
                <td>
                  <button
                    type="button"
                    className="icon-button"
                    onClick={() => void remove(entry.term)}
                    aria-label={t('analysis.removeLabel', { term: entry.term })}
                    title={t('analysis.removeLabel', { term: entry.term })}
                  >
                    <Trash2 aria-hidden="true" size={16} />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="lexicon__add" onSubmit={(event) => void add(event)}>
        <label className="field lexicon__term-field">
          <span className="field__label">{t('analysis.term')}</span>
          <input className="input" value={term} onChange={(event) => setTerm(event.target.value)} maxLength={60} />
        </label>
        <label className="field">
          <span className="field__label">{t('analysis.weight')}</span>
          <input
            className="input lexicon__weight numeric"
            type="number"
            min={-4}
            max={4}
            step={0.5}
            value={weight}
            onChange={(event) => setWeight(event.target.value)}
          />
        </label>
        <button type="submit" className="button" disabled={term.trim() === '' || weight.trim() === ''}>
          <Plus aria-hidden="true" size={16} />
          {t('analysis.add')}
        </button>
      </form>
      <p className={notice?.error ? 'form-error' : 'settings-notice'} role="status">
        {notice?.text}
      </p>
    </section>
  );
}
