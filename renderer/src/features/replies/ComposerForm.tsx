import {
  memo,
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyLang, Template, TemplateSuggestion, ToneFinding } from '../../../../shared/api/replies';
import { LiveLengthCounter } from './LengthCounter';
import { FindingsList } from './FindingsList';
import { MentionContext } from './MentionContext';
import { ReplyField } from './ReplyField';
import { SendBar } from './SendBar';
import { TemplateValues } from './TemplateValues';
import type { ReplyInput } from './editableText';
import { countForChannel } from '../../../../shared/replies/count';
import { withReplyMention } from '../../../../shared/replies/mention';
import { checkTone } from '../../../../shared/replies/tone/check';
import type { ComposeData } from './useComposeData';
import { useDraftAutosave, type DraftStatus } from './useDraftAutosave';
import { createFieldText, type FieldText } from './fieldText';
import type { Channel } from '../../../../shared/domain/mention';
import { useFormat } from '../../i18n/format';
import { useSendReply } from './useSendReply';
import { useTemplateInsert } from './useTemplateInsert';
import { useToneCheck } from './useToneCheck';

/** The composer once its data is there: mention, suggestions, the reply field, findings and sending. */
export function ComposerForm(props: { data: ComposeData; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { info, mention, templates, suggestions, rules, approval } = props.data;
  const id = useId();
  const field = useRef<ReplyInput>(null);
  // A Mastodon reply starts with @author, or it does not reach them (see shared/replies/mention.ts).
  const [initialText] = useState(() => info.draft?.text ?? (info.replyMention ? `${info.replyMention} ` : ''));
  // The text as the field last reported it: a frame after each edit (the field itself never waits for React).
  const [text, setText] = useState(initialText);
  // The text at once after each edit, for the counter alone (it changes in the frame that paints the edit).
  const [live] = useState(() => createFieldText(initialText));
  const outgoing = withReplyMention(text, info.replyMention);
  const [lang, setLang] = useState<ReplyLang>(info.draft?.lang ?? info.lang);
  const [templateId, setTemplateId] = useState<number | null>(info.draft?.templateId ?? null);
  const [caret, setCaret] = useState<number | null>(null);
  const sender = useSendReply(info.mentionId);
  const drafts = useDraftAutosave({
    mentionId: info.mentionId,
    replyId: info.draft?.id,
    fields: { text, lang, templateId },
  });
  const inserter = useTemplateInsert({
    mentionId: info.mentionId,
    lang,
    fieldRef: field,
    onInserted: (template) => setTemplateId(template.id),
  });

  // The check runs off the keystroke's path (useToneCheck): a keystroke moves the underlines along with the text
  // (FindingsField), and the findings of the new text come with the render that hears of it, after that frame.
  const check = useCallback(
    (value: string) => checkTone(value, rules, { channel: info.channel, lang, public: true }, { values: info.values }),
    [rules, info.channel, lang, info.values],
  );
  const tone = useToneCheck(text, check);
  const findings = tone.checked.findings;
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  const needsApproval = approval.enabled && (info.sensitiveReasons.length > 0 || (approval.anyWarning && warnings > 0));

  // The list under the field shows the last checked text's findings, in a render React may interrupt.
  const listed = useDeferredValue(tone.checked);
  const listedText = useRef(listed.text);
  useEffect(() => {
    listedText.current = listed.text;
  }, [listed.text]);

  const fix = useCallback((finding: ToneFinding) => {
    // A fix's offsets belong to the text the list was made for; never apply them to other text.
    if (finding.fix && field.current && field.current.value === listedText.current)
      field.current.replace(finding.fix.start, finding.fix.end, finding.fix.replacement);
  }, []);
  // The chips keep one handler, so a keystroke does not re-render them (the inserter changes with every render).
  const insertLatest = useRef(inserter.insert);
  useLayoutEffect(() => {
    insertLatest.current = inserter.insert;
  });
  const insertSuggested = useCallback((template: Template) => void insertLatest.current(template, null), []);
  const show = useCallback((finding: ToneFinding) => {
    field.current?.focus();
    field.current?.setSelectionRange(finding.start, finding.end);
  }, []);
  const send = async () => {
    // Judged on the findings of the text in the field now, even when its check has not run yet.
    const current = field.current?.value ?? text;
    if (current.trim() === '' || tone.now(current).some((finding) => finding.severity === 'error')) return;
    let draftId: number | undefined;
    const outcome = await sender.send(
      { text: current, lang, templateId },
      async () => (draftId = await drafts.flush()),
    );
    // Still in the composer (blocked, or the engine was not reached): the text goes on being kept as a draft.
    if (outcome === null || outcome.outcome === 'blocked') drafts.resume(outcome?.reply.id ?? draftId);
  };

  // Translated once, not on every keystroke (i18next's t is not free, and the composer re-renders per key).
  const fieldLabel = useMemo(() => t('composer.fieldLabel'), [t]);
  const slashHint = useMemo(() => t('composer.slashHint'), [t]);

  // The send bar keeps the same handlers from render to render (memoised, see SendBarView).
  const latest = useRef({ send, sender });
  useLayoutEffect(() => {
    latest.current = { send, sender };
  });
  const onSend = useCallback(() => void latest.current.send(), []);
  const onRetry = useCallback((replyId: number) => void latest.current.sender.retry(replyId), []);
  const onMarkSent = useCallback((replyId: number) => latest.current.sender.markSent(replyId), []);
  const onEditAgain = useCallback(() => latest.current.sender.backToEditing(), []);

  return (
    <>
      <div
        className="composer__body"
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void send();
          }
        }}
      >
        <MentionContextView mention={mention} info={info} />
        {info.draft?.reviewComment && info.draft.approver && (
          <p className="form-error" role="status">
            {t('composer.rejected', { reviewer: info.draft.approver ?? '', comment: info.draft.reviewComment ?? '' })}
          </p>
        )}
        <Suggestions id={id} suggestions={suggestions} templates={templates} onInsert={insertSuggested} />
        <FieldHead id={id} lang={lang} onLang={setLang} />
        <ReplyField
          id={`${id}-reply`}
          initialText={initialText}
          text={text}
          onChange={setText}
          onInput={live.set}
          fieldRef={field}
          checked={tone.checked}
          templates={templates}
          label={fieldLabel}
          describedBy={`${id}-count ${id}-findings`}
          lang={lang}
          caret={caret}
          onCaret={setCaret}
          onPick={(template, token) => void inserter.insert(template, token)}
        />
        <div className="composer__meta">
          <span>{slashHint}</span>
          {outgoing !== text && (
            <span className="composer__draft" role="status">
              {t('composer.replyMention', { mention: info.replyMention })}
            </span>
          )}
          <DraftNote status={drafts.status} />
          <ReplyLength
            id={`${id}-count`}
            text={live}
            replyMention={info.replyMention}
            limit={info.limit}
            channel={info.channel}
          />
        </div>
        {inserter.error && (
          <p className="form-error" role="alert">
            {t('composer.renderFailed', { message: inserter.error })}
          </p>
        )}
        {inserter.pending && (
          <TemplateValues
            key={inserter.pending.template.id}
            template={inserter.pending.template}
            missing={inserter.pending.missing}
            busy={inserter.busy}
            onInsert={(values) => void inserter.insert(inserter.pending!.template, inserter.pending!.token, values)}
            onCancel={() => {
              inserter.cancel();
              field.current?.focus();
            }}
          />
        )}
        <FindingsList
          id={`${id}-findings`}
          text={listed.text}
          findings={listed.findings}
          busy={listed !== tone.checked}
          caret={caret}
          onFix={fix}
          onShow={show}
        />
      </div>
      <SendBarView
        state={sender.state}
        info={info}
        empty={text.trim() === ''}
        errors={errors}
        needsApproval={needsApproval}
        onSend={onSend}
        onRetry={onRetry}
        onMarkSent={onMarkSent}
        onEditAgain={onEditAgain}
        onClose={props.onClose}
        onDone={props.onDone}
        // The bar reads the text only once the reply is done (to copy it for sending by hand): until then
        // it gets none, so a keystroke does not re-render it.
        text={sender.state.step === 'done' ? text : ''}
      />
    </>
  );
}

// The parts of the composer a keystroke does not change are memoised: typing re-renders the field, the
// counter and the findings list's caret mark, not the mention, the suggestions or the draft note.
const MentionContextView = memo(MentionContext);
const SendBarView = memo(SendBar);

/** The reply's length as its channel counts it (with the @mention a Mastodon reply starts with), edit by edit. */
const ReplyLength = memo(function ReplyLength(props: {
  id: string;
  text: FieldText;
  replyMention: string | null;
  limit: number | null;
  channel: Channel;
}) {
  const { replyMention, channel, limit } = props;
  const count = useCallback(
    (text: string) => countForChannel(withReplyMention(text, replyMention), channel, limit ?? undefined).length,
    [replyMention, channel, limit],
  );
  return <LiveLengthCounter id={props.id} text={props.text} count={count} limit={limit} channel={channel} />;
});

/** The field's label and the reply's language. */
const FieldHead = memo(function FieldHead(props: { id: string; lang: ReplyLang; onLang(lang: ReplyLang): void }) {
  const { t } = useTranslation();
  const { id, lang, onLang } = props;
  return (
    <div className="composer__field-head">
      <label htmlFor={`${id}-reply`}>{t('composer.fieldLabel')}</label>
      <label className="composer__meta">
        {t('composer.language')}
        <select className="select" value={lang} onChange={(event) => onLang(event.target.value as ReplyLang)}>
          <option value="nl">{t('composer.languages.nl')}</option>
          <option value="en">{t('composer.languages.en')}</option>
        </select>
      </label>
    </div>
  );
});

/** The suggested templates as chips; choosing one inserts it at the caret. */
const Suggestions = memo(function Suggestions(props: {
  id: string;
  suggestions: readonly TemplateSuggestion[];
  templates: readonly Template[];
  onInsert(template: Template): void;
}) {
  const { t } = useTranslation();
  const { id, suggestions, templates, onInsert } = props;
  if (suggestions.length === 0) return null;
  return (
    <div className="composer__suggestions" role="group" aria-labelledby={`${id}-suggested`}>
      <span id={`${id}-suggested`} className="composer__suggestions-label">
        {t('composer.suggested')}
      </span>
      {suggestions.map((suggestion) => {
        const template = templates.find((candidate) => candidate.id === suggestion.templateId);
        return (
          template && (
            <button
              key={suggestion.templateId}
              type="button"
              className="chip chip-button"
              onClick={() => onInsert(template)}
              title={suggestion.reasons.map((reason) => t(`composer.reason.${reason}`)).join(' · ')}
            >
              {suggestion.name}
            </button>
          )
        );
      })}
    </div>
  );
});

/** Whether the text is kept as a draft: quiet when it is, plain when keeping it failed (the text stays in the field). */
const DraftNote = memo(function DraftNote({ status }: { status: DraftStatus }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (status.state === 'idle') return null;
  if (status.state === 'failed') {
    return (
      <span className="composer__draft composer__draft--failed" role="status">
        {t('composer.draft.failed', { message: status.message })}
      </span>
    );
  }
  return <span className="composer__draft">{t('composer.draft.saved', { time: fmt.listTime(status.at) })}</span>;
});
