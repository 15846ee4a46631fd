import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, MentionStatus, SentimentLabel } from '../../../shared/domain/mention';
import { FLAT_ICONS, flatIcon, type FlatIconName, type FlatTone } from './FlatIcon';

// Channel identity by a small, quiet icon (DESIGN §14), never by loud brand colour. Inline SVGs, or background
// images where they repeat on every row (`flat`, FlatIcon.tsx).
const CHANNEL_ICON: Record<Channel, FlatIconName> = {
  x: 'at-sign',
  facebook: 'users',
  instagram: 'camera',
  linkedin: 'briefcase',
  youtube: 'square-play',
  mastodon: 'message-square',
  bluesky: 'cloud',
  rss: 'rss',
  forum: 'messages-square',
  webhook: 'webhook',
  file: 'file-text',
};

const SENTIMENT_ICON: Record<SentimentLabel | 'unknown', [FlatIconName, FlatTone]> = {
  positive: ['smile', 'positive'],
  neutral: ['meh', 'neutral'],
  negative: ['frown', 'negative'],
  unknown: ['minus', 'muted'],
};

const STATUS_ICON: Record<MentionStatus, [FlatIconName, FlatTone]> = {
  new: ['circle-dot', 'accent-ink'],
  open: ['circle', 'muted'],
  waiting: ['clock', 'muted'],
  resolved: ['circle-check', 'muted'],
  archived: ['archive', 'muted'],
  spam: ['ban', 'muted'],
};

/** Translates a label's key; the table passes its own `t`, so a row's labels make no `useTranslation` each. */
type Translate = (key: string) => string;

/** `flat`: the icon as a background image in the label's colour (FlatIcon.tsx), for labels repeated on every row. */
interface LabelOptions {
  flat?: boolean;
}

export function channelLabel(channel: Channel, t: Translate, options: LabelOptions = {}): ReactElement {
  const Icon = FLAT_ICONS[CHANNEL_ICON[channel]];
  return (
    <span className="label label--channel" title={t(`channel.${channel}`)}>
      {options.flat ? flatIcon(CHANNEL_ICON[channel], 'muted') : <Icon aria-hidden="true" size={14} strokeWidth={2} />}
      <span className="label__text">{t(`channel.${channel}`)}</span>
    </span>
  );
}

/** Colour and a word and an icon: the meaning survives without colour. */
export function sentimentLabel(
  sentiment: SentimentLabel | null,
  t: Translate,
  options: LabelOptions = {},
): ReactElement {
  const key = sentiment ?? 'unknown';
  const Icon = FLAT_ICONS[SENTIMENT_ICON[key][0]];
  return (
    <span className={`label label--sentiment sentiment--${key}`}>
      {options.flat ? flatIcon(...SENTIMENT_ICON[key]) : <Icon aria-hidden="true" size={14} strokeWidth={2} />}
      <span className="label__text">{t(`sentiment.${key}`)}</span>
    </span>
  );
}

export function statusLabel(status: MentionStatus, t: Translate, options: LabelOptions = {}): ReactElement {
  const Icon = FLAT_ICONS[STATUS_ICON[status][0]];
  return (
    <span className={`label label--status status--${status}`}>
      {options.flat ? flatIcon(...STATUS_ICON[status]) : <Icon aria-hidden="true" size={14} strokeWidth={2} />}
      <span className="label__text">{t(`status.${status}`)}</span>
    </span>
  );
}

export function ChannelLabel({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  return channelLabel(channel, t);
}

export function SentimentLabelView({ sentiment }: { sentiment: SentimentLabel | null }) {
  const { t } = useTranslation();
  return sentimentLabel(sentiment, t);
}

export function StatusLabel({ status }: { status: MentionStatus }) {
  const { t } = useTranslation();
  return statusLabel(status, t);
}
