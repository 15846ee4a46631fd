import { RotateCcw } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMapping, RejectGroup, RetryOutcome } from '../../../../shared/api/imports';
import { CHANNELS, type Channel } from '../../../../shared/domain/mention';
import { ApiError, call } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { localTimeZone, timeZones } from './choices';
import { MappingEditor } from './MappingEditor';

type Retry = NonNullable<RejectGroup['retry']>;

/** Fix the mapping of a file's rejected records and read them again; the fixed ones leave the list. */
export function RetryPanel({
  group,
  retry,
  onRetried,
}: {
  group: RejectGroup;
  retry: Retry;
  onRetried(outcome: RetryOutcome): void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = useId();
  const [mapping, setMapping] = useState<FieldMapping>(retry.suggestedMapping);
  const [channel, setChannel] = useState<Channel>('file');
  const [timeZone, setTimeZone] = useState(localTimeZone);
  const [state, setState] = useState<'idle' | 'busy' | ApiError>('idle');

  const run = () => {
    setState('busy');
    call('ingest.retryRejects', {
      sourceId: group.sourceId,
      file: group.file ?? '',
      mapping,
      format: retry.format,
      channel,
      timeZone,
    })
      .then((outcome) => {
        setState('idle');
        onRetried(outcome);
      })
      .catch((error: unknown) =>
        setState(error instanceof ApiError ? error : new ApiError('internal', String(error), 'ingest.retryRejects')),
      );
  };

  return (
    <section className="retry-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="retry-panel__title">
        {t('rejects.retryTitle')}
      </h3>
      <p className="field__help">{t('rejects.retryHelp')}</p>
      <MappingEditor columns={retry.columns} mapping={mapping} onChange={setMapping} disabled={state === 'busy'} />
      <div className="wizard__options">
        <div className="field">
          <label htmlFor={`${id}-channel`} className="field__label">
            {t('importer.preview.channel')}
          </label>
          <select
            id={`${id}-channel`}
            className="select"
            value={channel}
            onChange={(event) => setChannel(event.target.value as Channel)}
          >
            {CHANNELS.map((value) => (
              <option key={value} value={value}>
                {t(`channel.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-zone`} className="field__label">
            {t('importer.preview.timeZone')}
          </label>
          <select
            id={`${id}-zone`}
            className="select"
            value={timeZone}
            onChange={(event) => setTimeZone(event.target.value)}
          >
            {timeZones().map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="wizard__actions">
        <button type="button" className="button button--primary" onClick={run} disabled={state === 'busy'}>
          <RotateCcw aria-hidden="true" size={14} />
          {t('rejects.retry', { count: group.count, formatted: fmt.number(group.count) })}
        </button>
      </div>
      {state instanceof ApiError && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
    </section>
  );
}
