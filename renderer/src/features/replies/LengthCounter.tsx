import { memo, useMemo } from 'react';
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
  // What stays the same while typing is translated once: a keystroke translates only the sentence with the length.
  const fixed = useMemo(() => {
    const channel = t(`channel.${props.channel}`);
    return {
      channel,
      how: t('composer.length.how', { channel }),
      limit: props.limit === null ? '' : fmt.number(props.limit),
    };
  }, [t, fmt, props.channel, props.limit]);
  const { channel } = fixed;
  if (props.limit === null) {
    return (
      <span id={props.id} className="length-counter">
        {t('composer.length.noLimit', { count: props.length, formatted: fmt.number(props.length) })}
      </span>
    );
  }
  const over = props.length > props.limit;
  const length = fmt.number(props.length);
  const near = !over && props.length > props.limit * 0.9;
  return (
    <span
      id={props.id}
      className={`length-counter${over ? ' length-counter--over' : near ? ' length-counter--near' : ''}`}
      title={fixed.how}
    >
      <span aria-hidden="true">
        {length} / {fixed.limit}
      </span>
      <span className="visually-hidden">
        {t(over ? 'composer.length.over' : 'composer.length.of', { length, limit: fixed.limit, channel })}
      </span>
    </span>
  );
});
