import {
  Archive,
  AtSign,
  Ban,
  BriefcaseBusiness,
  Camera,
  Circle,
  CircleCheck,
  CircleDot,
  Clock,
  Cloud,
  FileText,
  Frown,
  Meh,
  MessageSquare,
  MessagesSquare,
  Minus,
  Rss,
  Smile,
  SquarePlay,
  Users,
  Webhook,
  type LucideIcon,
} from 'lucide-react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, MentionStatus, SentimentLabel } from '../../../shared/domain/mention';

// Channel identity by a small, quiet icon (DESIGN §14), never by loud brand colour.
const CHANNEL_ICONS: Record<Channel, LucideIcon> = {
  x: AtSign,
  facebook: Users,
  instagram: Camera,
  linkedin: BriefcaseBusiness,
  youtube: SquarePlay,
  mastodon: MessageSquare,
  bluesky: Cloud,
  rss: Rss,
  forum: MessagesSquare,
  webhook: Webhook,
  file: FileText,
};

const SENTIMENT_ICONS: Record<SentimentLabel | 'unknown', LucideIcon> = {
  positive: Smile,
  neutral: Meh,
  negative: Frown,
  unknown: Minus,
};

const STATUS_ICONS: Record<MentionStatus, LucideIcon> = {
  new: CircleDot,
  open: Circle,
  waiting: Clock,
  resolved: CircleCheck,
  archived: Archive,
  spam: Ban,
};

/** Translates a label's key; the table passes its own `t`, so a row's labels make no `useTranslation` each. */
type Translate = (key: string) => string;

export function channelLabel(channel: Channel, t: Translate): ReactElement {
  const Icon = CHANNEL_ICONS[channel];
  return (
    <span className="label label--channel" title={t(`channel.${channel}`)}>
      <Icon aria-hidden="true" size={14} strokeWidth={2} />
      <span className="label__text">{t(`channel.${channel}`)}</span>
    </span>
  );
}

/** Colour and a word and an icon: the meaning survives without colour. */
export function sentimentLabel(sentiment: SentimentLabel | null, t: Translate): ReactElement {
  const key = sentiment ?? 'unknown';
  const Icon = SENTIMENT_ICONS[key];
  return (
    <span className={`label label--sentiment sentiment--${key}`}>
      <Icon aria-hidden="true" size={14} strokeWidth={2} />
      <span className="label__text">{t(`sentiment.${key}`)}</span>
    </span>
  );
}

export function statusLabel(status: MentionStatus, t: Translate): ReactElement {
  const Icon = STATUS_ICONS[status];
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
