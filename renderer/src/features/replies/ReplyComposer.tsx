/** Props the inbox passes when the operator presses `r` on a mention (or the reply button in the detail pane). */
export interface ReplyComposerProps {
  mentionId: number;
  /** Close the composer (Escape, cancel, or after sending). */
  onClose: () => void;
  /** The reply was sent, queued for approval, or recorded as sent by hand. */
  onDone?: () => void;
}

/** The reply composer (being built). */
export function ReplyComposer(props: ReplyComposerProps) {
  void props;
  return null;
}
