import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, MentionStatus, SentimentLabel } from '../../../shared/domain/mention';
import { FLAT_ICONS, flatImageClass, type FlatIconName, type FlatTone } from './FlatIcon';

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

/**
 * `flat`: for labels repeated on every row. One element: the icon is its own background image in the label's
 * colour (FlatIcon.tsx) and the word its text, without an element for either (a screen of rows builds, styles,
 * lays out and paints some 130 fewer; `.label--flat` in inbox.css, which in a compact column shows the icon only
 * and keeps the word for screen readers). The word is its tooltip too, for the icon alone.
 */
interface LabelOptions {
  flat?: boolean;
}

function flatLabel(className: string, icon: [FlatIconName, FlatTone], word: string): ReactElement {
  return (
    <span className={`label label--flat ${className} ${flatImageClass(...icon)}`} title={word}>
      {word}
    </span>
  );
}

export function channelLabel(channel: Channel, t: Translate, options: LabelOptions = {}): ReactElement {
  const Icon = FLAT_ICONS[CHANNEL_ICON[channel]];
  if (options.flat) return flatLabel('label--channel', [CHANNEL_ICON[channel], 'muted'], t(`channel.${channel}`));
  return (
    <span className="label label--channel" title={t(`channel.${channel}`)}>
      <Icon aria-hidden="true" size={14} strokeWidth={2} />
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
  if (options.flat) return flatLabel(`label--sentiment sentiment--${key}`, SENTIMENT_ICON[key], t(`sentiment.${key}`));
  return (
    <span className={`label label--sentiment sentiment--${key}`}>
      <Icon aria-hidden="true" size={14} strokeWidth={2} />
      <span className="label__text">{t(`sentiment.${key}`)}</span>
    </span>
  );
}

export function statusLabel(status: MentionStatus, t: Translate, options: LabelOptions = {}): ReactElement {
  const Icon = FLAT_ICONS[STATUS_ICON[status][0]];
  if (options.flat) return flatLabel(`label--status status--${status}`, STATUS_ICON[status], t(`status.${status}`));
  return (
    <span className={`label label--status status--${status}`}>
      <Icon aria-hidden="true" size={14} strokeWidth={2} />
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
