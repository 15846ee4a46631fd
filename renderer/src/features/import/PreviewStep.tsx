import { CircleAlert, FileCheck, LoaderCircle } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FORMAT_IDS, type FormatId, type ImportPreview, type UploadInfo } from '../../../../shared/api/imports';
import { ApiError, call } from '../../api/client';
import { StateMessage } from '../../components/StateMessage';
import { useFormat } from '../../i18n/format';
import { isTable, NEEDS_ACCOUNT, readRequest, withPreset, type ReadChoices } from './choices';
import { MappingEditor } from './MappingEditor';
import { MappingFields } from './MappingFields';
import { formatBytes } from './pace';
import { PresetBar } from './PresetBar';
import { PreviewTable } from './PreviewTable';
import { SelectField } from './SelectField';

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; preview: ImportPreview; choices: ReadChoices }
  | { status: 'error'; error: ApiError };

/** How long typing in the account field waits before the preview is read again. */
const TYPING_PAUSE_MS = 400;

/** The second step: what the engine recognised, the choices that change how the file is read, and the first 20 records. */
export function PreviewStep(props: {
  upload: UploadInfo;
  choices: ReadChoices;
  onChoices(choices: ReadChoices): void;
  onImport(preview: ImportPreview): void;
  onAnother(): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = useId();
  const { upload, choices, onChoices } = props;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [account, setAccount] = useState(choices.accountHandle);

  useEffect(() => {
    if (account === choices.accountHandle) return;
    const timer = setTimeout(() => onChoices({ ...choices, accountHandle: account }), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [account, choices, onChoices]);

  useEffect(() => {
    let current = true;
    call('ingest.preview', { upload: upload.upload, ...readRequest(choices) })
      .then((preview) => current && setLoaded({ status: 'ready', preview, choices }))
      .catch(
        (error: unknown) =>
          current &&
          setLoaded({
            status: 'error',
            error: error instanceof ApiError ? error : new ApiError('internal', String(error), 'ingest.preview'),
          }),
      );
    return () => {
      current = false;
    };
  }, [upload.upload, choices]);

  if (loaded.status === 'loading') {
    return <StateMessage kind="loading" icon={LoaderCircle} title={t('importer.preview.loading')} />;
  }
  if (loaded.status === 'error') {
    return (
      <StateMessage kind="error" icon={CircleAlert} title={t('importer.preview.errorTitle', { name: upload.name })}>
        <p className="state-message__detail">
          {t('common.errorDetail', { reason: t(`errors.${loaded.error.code}`), message: loaded.error.message })}
        </p>
        <button type="button" className="button button--primary" onClick={props.onAnother}>
          {t('importer.preview.another')}
        </button>
      </StateMessage>
    );
  }

  const { preview } = loaded;
  // The preview on screen is for earlier choices until the new one arrives: import nothing meanwhile.
  const refreshing = loaded.choices !== choices;
  const table = preview.table;
  const sure = preview.detected && preview.detected.confidence >= 0.6;
  return (
    <section className="wizard" aria-labelledby={`${id}-title`} aria-busy={refreshing || undefined}>
      <header className="wizard__file">
        <FileCheck aria-hidden="true" size={20} />
        <div>
          <h2 id={`${id}-title`} className="wizard__file-name">
            {preview.fileName}
          </h2>
          <p className="wizard__file-facts">
            {formatBytes(preview.size, fmt.locale)}
            {' · '}
            {preview.detected
              ? t(sure ? 'importer.preview.recognised' : 'importer.preview.recognisedUnsure', {
                  format: t(`formats.${preview.detected.format}`),
                })
              : t('importer.preview.unrecognised')}
            {table?.delimiter &&
              ` · ${t('importer.preview.layout', {
                delimiter: t(`importer.delimiters.${delimiterName(table.delimiter)}`),
                encoding: table.encoding?.toUpperCase() ?? '',
              })}`}
          </p>
        </div>
      </header>

      <div className="wizard__options">
        <SelectField<FormatId>
          label={t('importer.preview.format')}
          value={preview.format ?? ''}
          options={[
            ...(preview.format === null ? [{ value: '' as const, label: t('importer.preview.chooseFormat') }] : []),
            ...FORMAT_IDS.map((format) => ({ value: format, label: t(`formats.${format}`) })),
          ]}
          onChange={(format) => onChoices({ ...choices, format, mapping: undefined })}
        />
        {preview.format && NEEDS_ACCOUNT.includes(preview.format) && (
          <div className="field">
            <label htmlFor={`${id}-account`} className="field__label">
              {t('importer.preview.account')}
            </label>
            <input
              id={`${id}-account`}
              className="input"
              value={account}
              placeholder={t('importer.preview.accountPlaceholder')}
              aria-describedby={`${id}-account-help`}
              onChange={(event) => setAccount(event.target.value)}
            />
            <p id={`${id}-account-help`} className="field__help">
              {t('importer.preview.accountHelp')}
            </p>
          </div>
        )}
        {isTable(preview.format) && (
          <MappingFields
            channel={choices.channel ?? 'file'}
            timeZone={choices.timeZone}
            onChannel={(channel) => onChoices({ ...choices, channel })}
            onTimeZone={(timeZone) => onChoices({ ...choices, timeZone })}
          />
        )}
      </div>

      {isTable(preview.format) && table && (
        <div className="wizard__mapping">
          <MappingEditor
            columns={table.columns}
            mapping={table.mapping}
            onChange={(mapping) => onChoices({ ...choices, mapping })}
          />
          <PresetBar
            format={preview.format}
            mapping={table.mapping}
            channel={choices.channel}
            timeZone={choices.timeZone}
            onApply={(preset) => onChoices(withPreset(choices, preset))}
          />
        </div>
      )}

      {preview.problem && (
        <p className="wizard__problem" role="alert">
          <CircleAlert aria-hidden="true" size={16} />
          {preview.problem}
        </p>
      )}
      {preview.rows.length > 0 && <PreviewTable rows={preview.rows} />}
      {!preview.problem && preview.rows.length === 0 && <p className="muted">{t('importer.preview.empty')}</p>}

      <div className="wizard__actions wizard__actions--sticky">
        <button
          type="button"
          className="button button--primary"
          disabled={refreshing || preview.problem !== null || preview.rows.length === 0}
          onClick={() => props.onImport(preview)}
        >
          {t('importer.preview.import')}
        </button>
        <button type="button" className="button" onClick={props.onAnother}>
          {t('importer.preview.another')}
        </button>
      </div>
    </section>
  );
}

function delimiterName(delimiter: string): 'comma' | 'semicolon' | 'tab' | 'pipe' {
  if (delimiter === ';') return 'semicolon';
  if (delimiter === '\t') return 'tab';
  if (delimiter === '|') return 'pipe';
  return 'comma';
}
