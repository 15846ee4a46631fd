import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyLang, ToneFinding } from '../../../../shared/api/replies';
import { LengthCounter } from './LengthCounter';
import { FindingsList } from './FindingsList';
import { MentionContext } from './MentionContext';
import { ReplyField } from './ReplyField';
import { SendBar } from './SendBar';
import { TemplateValues } from './TemplateValues';
import { replaceInField } from './editText';
import { countForChannel } from '../../../../shared/replies/count';
import { withReplyMention } from '../../../../shared/replies/mention';
import { checkTone } from '../../../../shared/replies/tone/check';
import type { ComposeData } from './useComposeData';
import { useDraftAutosave, type DraftStatus } from './useDraftAutosave';
import { useFormat } from '../../i18n/format';
import { useSendReply } from './useSendReply';
import { useTemplateInsert } from './useTemplateInsert';
import { useToneCheck } from './useToneCheck';

/** The composer once its data is there: mention, suggestions, the reply field, findings and sending. */
export function ComposerForm(props: { data: ComposeData; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const { info, mention, templates, suggestions, rules, approval } = props.data;
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  // A Mastodon reply starts with @author, or it does not reach them (see shared/replies/mention.ts).
  const [text, setText] = useState(info.draft?.text ?? (info.replyMention ? `${info.replyMention} ` : ''));
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

  // The check runs off the keystroke's path (useToneCheck): a keystroke moves the underlines along with
  // the text, and the findings of the new text follow once the browser is idle, within CHECK_WITHIN_MS.
  const check = useCallback(
    (value: string) => checkTone(value, rules, { channel: info.channel, lang, public: true }, { values: info.values }),
    [rules, info.channel, lang, info.values],
  );
  const tone = useToneCheck(text, check);
  const findings = tone.checked.findings;
  const length = useMemo(
    () => countForChannel(outgoing, info.channel, info.limit ?? undefined).length,
    [outgoing, info.channel, info.limit],
  );
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
      replaceInField(field.current, finding.fix.start, finding.fix.end, finding.fix.replacement);
  }, []);
  const show = useCallback((finding: ToneFinding) => {
    field.current?.focus();
    field.current?.setSelectionRange(finding.start, finding.end);
  }, []);
  const send = async () => {
    // Judged on the findings of this very text, even when its check has not run yet.
    if (text.trim() === '' || tone.now().some((finding) => finding.severity === 'error')) return;
    let draftId: number | undefined;
    const outcome = await sender.send({ text, lang, templateId }, async () => (draftId = await drafts.flush()));
    // Still in the composer (blocked, or the engine was not reached): the text goes on being kept as a draft.
    if (outcome === null || outcome.outcome === 'blocked') drafts.resume(outcome?.reply.id ?? draftId);
  };

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
        <MentionContext mention={mention} info={info} />
        {info.draft?.reviewComment && info.draft.approver && (
          <p className="form-error" role="status">
            {t('composer.rejected', { reviewer: info.draft.approver ?? '', comment: info.draft.reviewComment ?? '' })}
          </p>
        )}
        {suggestions.length > 0 && (
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
                    onClick={() => void inserter.insert(template, null)}
                    title={suggestion.reasons.map((reason) => t(`composer.reason.${reason}`)).join(' · ')}
                  >
                    {suggestion.name}
                  </button>
                )
              );
            })}
          </div>
        )}
        <div className="composer__field-head">
          <label htmlFor={`${id}-reply`}>{t('composer.fieldLabel')}</label>
          <label className="composer__meta">
            {t('composer.language')}
            <select className="select" value={lang} onChange={(event) => setLang(event.target.value as ReplyLang)}>
              <option value="nl">{t('composer.languages.nl')}</option>
              <option value="en">{t('composer.languages.en')}</option>
            </select>
          </label>
        </div>
        <ReplyField
          id={`${id}-reply`}
          text={text}
          onChange={setText}
          fieldRef={field}
          findings={tone.shown}
          templates={templates}
          label={t('composer.fieldLabel')}
          describedBy={`${id}-count ${id}-findings`}
          lang={lang}
          caret={caret}
          onCaret={setCaret}
          onPick={(template, token) => void inserter.insert(template, token)}
        />
        <div className="composer__meta">
          <span>{t('composer.slashHint')}</span>
          {outgoing !== text && (
            <span className="composer__draft" role="status">
              {t('composer.replyMention', { mention: info.replyMention })}
            </span>
          )}
          <DraftNote status={drafts.status} />
          <LengthCounter id={`${id}-count`} length={length} limit={info.limit} channel={info.channel} />
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
          busy={tone.pending || listed !== tone.checked}
          caret={caret}
          onFix={fix}
          onShow={show}
        />
      </div>
      <SendBar
        state={sender.state}
        info={info}
        empty={text.trim() === ''}
        errors={errors}
        needsApproval={needsApproval}
        onSend={() => void send()}
        onRetry={(replyId) => void sender.retry(replyId)}
        onMarkSent={(replyId) => sender.markSent(replyId)}
        onEditAgain={sender.backToEditing}
        onClose={props.onClose}
        onDone={props.onDone}
        text={text}
      />
    </>
  );
}

/** Whether the text is kept as a draft: quiet when it is, plain when keeping it failed (the text stays in the field). */
function DraftNote({ status }: { status: DraftStatus }) {
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
}
