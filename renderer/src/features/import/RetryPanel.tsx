import { RotateCcw } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldMapping, RejectGroup, RetryOutcome } from '../../../../shared/api/imports';
import type { Channel } from '../../../../shared/domain/mention';
import { ApiError, call } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { localTimeZone } from './choices';
import { MappingEditor } from './MappingEditor';
import { MappingFields } from './MappingFields';

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
    <section className="panel retry-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="retry-panel__title">
        {t('rejects.retryTitle')}
      </h3>
      <p className="field__help">{t('rejects.retryHelp')}</p>
      <MappingEditor columns={retry.columns} mapping={mapping} onChange={setMapping} disabled={state === 'busy'} />
      <div className="wizard__options">
        <MappingFields channel={channel} timeZone={timeZone} onChannel={setChannel} onTimeZone={setTimeZone} />
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
