import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MAPPABLE_FIELDS, type FieldMapping, type MappableField } from '../../../../shared/api/imports';

/** Text and time first: without them no record becomes a mention. */
const FIELD_ORDER: MappableField[] = [...MAPPABLE_FIELDS].sort((a, b) => Number(isRequired(b)) - Number(isRequired(a)));

function isRequired(field: MappableField): boolean {
  return field === 'text' || field === 'createdAt';
}

/** One select per mention field, offering the file's columns (CSV) or paths (JSON). */
export function MappingEditor(props: {
  columns: string[];
  mapping: FieldMapping;
  onChange(mapping: FieldMapping): void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const choose = (field: MappableField, column: string) => {
    const next: FieldMapping = { ...props.mapping };
    if (column) next[field] = column;
    else delete next[field];
    props.onChange(next);
  };
  return (
    <fieldset className="mapping" disabled={props.disabled}>
      <legend className="mapping__legend">{t('importer.preview.mappingTitle')}</legend>
      <p className="field__help">{t('importer.preview.mappingHelp')}</p>
      <div className="mapping__grid">
        {FIELD_ORDER.map((field) => (
          <div key={field} className="field field--inline">
            <label htmlFor={`${id}-${field}`} className="field__label">
              {t(`fields.${field}`)}
              {isRequired(field) && (
                <span className="field__required" aria-hidden="true">
                  {t('importer.preview.required')}
                </span>
              )}
            </label>
            <select
              id={`${id}-${field}`}
              className="select"
              value={props.mapping[field] ?? ''}
              aria-required={isRequired(field) || undefined}
              aria-invalid={isRequired(field) && !props.mapping[field] ? true : undefined}
              onChange={(event) => choose(field, event.target.value)}
            >
              <option value="">{t('importer.preview.notUsed')}</option>
              {props.columns.map((column) => (
                <option key={column} value={column}>
                  {column}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
