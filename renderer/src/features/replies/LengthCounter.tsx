import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/domain/mention';
import { useFormat } from '../../i18n/format';

/** The reply's length as the channel counts it (a URL as 23 on X, an emoji as one), against its limit. */
export const LengthCounter = memo(function LengthCounter(props: {
  id: string;
  length: number;
  limit: number | null;
  channel: Channel;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const channel = t(`channel.${props.channel}`);
  if (props.limit === null) {
    return (
      <span id={props.id} className="length-counter">
        {t('composer.length.noLimit', { count: props.length, formatted: fmt.number(props.length) })}
      </span>
    );
  }
  const over = props.length > props.limit;
  const near = !over && props.length > props.limit * 0.9;
  return (
    <span
      id={props.id}
      className={`length-counter${over ? ' length-counter--over' : near ? ' length-counter--near' : ''}`}
      title={t('composer.length.how', { channel })}
    >
      <span aria-hidden="true">
        {fmt.number(props.length)} / {fmt.number(props.limit)}
      </span>
      <span className="visually-hidden">
        {t(over ? 'composer.length.over' : 'composer.length.of', {
          length: fmt.number(props.length),
          limit: fmt.number(props.limit),
          channel,
        })}
      </span>
    </span>
  );
});
