import { Save, Trash2 } from 'lucide-react';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMapping, MappingPreset, TableFormat } from '../../../../shared/api/imports';
import type { Channel } from '../../../../shared/domain/mention';
import { ApiError, call } from '../../api/client';

interface PresetBarProps {
  format: TableFormat;
  mapping: FieldMapping;
  channel: Channel | undefined;
  timeZone: string;
  onApply(preset: MappingPreset): void;
}

/** Named mappings: apply one in a click, save the current mapping under a name, remove one. */
export function PresetBar({ format, mapping, channel, timeZone, onApply }: PresetBarProps) {
  const { t } = useTranslation();
  const id = useId();
  const [presets, setPresets] = useState<MappingPreset[]>([]);
  const [chosen, setChosen] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [note, setNote] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);

  const load = useCallback(() => {
    call('ingest.presets.list', {})
      .then((all) => setPresets(all.filter((preset) => preset.format === format)))
      .catch(() => setPresets([]));
  }, [format]);
  useEffect(load, [load]);

  const apply = (value: string) => {
    const preset = presets.find((candidate) => String(candidate.id) === value);
    setChosen(preset?.id ?? null);
    if (preset) {
      setName(preset.name);
      onApply(preset);
    }
  };

  const save = () => {
    call('ingest.presets.save', { name, format, mapping, channel: channel ?? null, timeZone })
      .then((saved) => {
        setChosen(saved.id);
        setNote({ kind: 'saved', text: t('importer.presets.saved', { name: saved.name }) });
        load();
      })
      .catch((error: unknown) =>
        setNote({ kind: 'error', text: error instanceof ApiError ? error.message : String(error) }),
      );
  };

  const remove = () => {
    if (chosen === null) return;
    void call('ingest.presets.delete', { id: chosen }).then(() => {
      setChosen(null);
      setNote(null);
      load();
    });
  };

  return (
    <div className="preset-bar">
      <div className="field">
        <label htmlFor={`${id}-apply`} className="field__label">
          {t('importer.presets.apply')}
        </label>
        <div className="field__row">
          <select
            id={`${id}-apply`}
            className="select"
            value={chosen ?? ''}
            disabled={presets.length === 0}
            onChange={(event) => apply(event.target.value)}
          >
            <option value="">
              {presets.length === 0 ? t('importer.presets.noneYet') : t('importer.presets.none')}
            </option>
            {presets.map((preset) => (
              <option key={preset.id} value={preset.id}>
                {preset.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="icon-button"
            onClick={remove}
            disabled={chosen === null}
            aria-label={t('importer.presets.delete')}
            title={t('importer.presets.delete')}
          >
            <Trash2 aria-hidden="true" size={16} />
          </button>
        </div>
      </div>
      <form
        className="field"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <label htmlFor={`${id}-name`} className="field__label">
          {t('importer.presets.name')}
        </label>
        <div className="field__row">
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            maxLength={80}
            onChange={(event) => {
              setName(event.target.value);
              setNote(null);
            }}
          />
          <button type="submit" className="button" disabled={name.trim() === ''}>
            <Save aria-hidden="true" size={14} />
            {t('importer.presets.save')}
          </button>
        </div>
        {note && (
          <p
            className={note.kind === 'error' ? 'form-error' : 'field__help'}
            role={note.kind === 'error' ? 'alert' : 'status'}
          >
            {note.text}
          </p>
        )}
      </form>
    </div>
  );
}
