import { memo, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ToneFinding, ToneFix } from '../../../../shared/api/replies';
import { flatIcon } from '../../components/FlatIcon';
import { describeFix, findingMessage } from './findingText';

interface FindingsListProps {
  id: string;
  text: string;
  findings: readonly ToneFinding[];
  /** The text changed since these findings: the list of its check is still being rendered. */
  busy?: boolean;
  caret: number | null;
  onFix(finding: ToneFinding): void;
  onShow(finding: ToneFinding): void;
}

/** Whether the caret stands in a finding's words (that item is marked in the list). */
function atCaret(finding: ToneFinding, caret: number | null): boolean {
  return caret !== null && finding.end > finding.start && caret >= finding.start && caret <= finding.end;
}

/**
 * The list renders again only when what it shows changes: other findings, their text, the busy state, or which
 * items the caret stands in. A keystroke moves the caret but mostly within the same findings (or none), so
 * typing does not re-render the list; a new check does.
 */
function sameList(a: FindingsListProps, b: FindingsListProps): boolean {
  if (
    a.id !== b.id ||
    a.text !== b.text ||
    a.findings !== b.findings ||
    (a.busy ?? false) !== (b.busy ?? false) ||
    a.onFix !== b.onFix ||
    a.onShow !== b.onShow
  )
    return false;
  if (a.caret === b.caret) return true;
  return a.findings.every((finding) => atCaret(finding, a.caret) === atCaret(finding, b.caret));
}

/**
 * The tone findings as a list under the field: what, where (the words quoted), why, and the one-click
 * fix as a real button, so everything the underlines show can be read and fixed by keyboard too.
 * Items are keyed by rule and occurrence and memoised: a new check re-renders only the findings it changed.
 */
export const FindingsList = memo(function FindingsList(props: FindingsListProps) {
  const { t } = useTranslation();
  const { findings, text } = props;
  // What each item says depends on the findings and their text only, not on the caret: worked out once per
  // check, so a caret move into or out of a finding (which re-renders this list) costs no translations.
  // A fix's label says the same for the same words; the check runs on every reported edit, so the labels of a
  // check are kept (per language) and reused by the next one instead of translated anew.
  const fixLabels = useMemo(() => ({ t, labels: new Map<string, string>() }), [t]);
  const items = useMemo(() => {
    const occurrences = new Map<string, number>();
    return findings.map((finding) => {
      const occurrence = occurrences.get(finding.ruleId) ?? 0;
      occurrences.set(finding.ruleId, occurrence + 1);
      return {
        key: `${finding.ruleId}-${occurrence}`,
        finding,
        quote: text.slice(finding.start, finding.end),
        fixLabel: finding.fix ? fixLabel(fixLabels.labels, fixLabels.t, finding.fix, text) : null,
      };
    });
  }, [findings, text, fixLabels]);
  // An item is not rendered again when only its place in the text moved (typing before it): its buttons act on
  // the finding as it stands now, looked up by the item's key.
  const current = useRef({ items, props });
  useLayoutEffect(() => {
    current.current = { items, props };
  });
  const act = useCallback((key: string, action: 'fix' | 'show') => {
    const { items: now, props: latest } = current.current;
    const item = now.find((candidate) => candidate.key === key);
    if (item) (action === 'fix' ? latest.onFix : latest.onShow)(item.finding);
  }, []);
  const onFix = useCallback((key: string) => act(key, 'fix'), [act]);
  const onShow = useCallback((key: string) => act(key, 'show'), [act]);
  if (items.length === 0) {
    return (
      <p id={props.id} className="findings__ok" aria-busy={props.busy ?? false}>
        {flatIcon('circle-check', 'positive')}
        {t('composer.findings.none')}
      </p>
    );
  }
  const { caret } = props;
  return (
    <ul id={props.id} className="findings" aria-label={t('composer.findings.label')} aria-busy={props.busy ?? false}>
      {items.map(({ key, finding, quote, fixLabel }) => (
        <FindingItem
          key={key}
          itemKey={key}
          finding={finding}
          quote={quote}
          fixLabel={fixLabel}
          atCaret={atCaret(finding, caret)}
          onFix={onFix}
          onShow={onShow}
        />
      ))}
    </ul>
  );
}, sameList);

/** describeFix, remembered by what the label depends on (the kind of fix and its words). */
function fixLabel(labels: Map<string, string>, t: TFunction, fix: ToneFix, text: string): string {
  const kind = fix.start === fix.end ? 'insert' : fix.replacement === '' ? 'remove' : 'replace';
  const key = `${kind}:${kind === 'remove' ? text.slice(fix.start, fix.end) : fix.replacement}`;
  let label = labels.get(key);
  if (label === undefined) {
    label = describeFix(t, fix, text);
    if (labels.size > 500) labels.clear();
    labels.set(key, label);
  }
  return label;
}

interface FindingItemProps {
  itemKey: string;
  finding: ToneFinding;
  /** The finding's words (empty for a finding about the whole reply, such as a missing greeting). */
  quote: string;
  fixLabel: string | null;
  atCaret: boolean;
  onFix(key: string): void;
  onShow(key: string): void;
}

/**
 * The check makes new finding objects on every run: an item is the same when what it says is. Where the finding
 * stands does not show (the buttons find it by key), so typing before it does not render it again.
 */
function sameItem(a: FindingItemProps, b: FindingItemProps): boolean {
  const x = a.finding;
  const y = b.finding;
  return (
    a.itemKey === b.itemKey &&
    a.quote === b.quote &&
    a.fixLabel === b.fixLabel &&
    a.atCaret === b.atCaret &&
    a.onFix === b.onFix &&
    a.onShow === b.onShow &&
    x.ruleId === y.ruleId &&
    x.severity === y.severity &&
    x.messageKey === y.messageKey &&
    x.explanationKey === y.explanationKey &&
    x.note === y.note &&
    sameParams(x.params, y.params)
  );
}

function sameParams(a: ToneFinding['params'], b: ToneFinding['params']): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

const FindingItem = memo(function FindingItem(props: FindingItemProps) {
  const { t } = useTranslation();
  const { finding, quote } = props;
  return (
    <li className={`finding finding--${finding.severity}${props.atCaret ? ' finding--at-caret' : ''}`}>
      <span className="finding__severity">
        {finding.severity === 'error' ? flatIcon('circle-alert', 'negative') : flatIcon('triangle-alert', 'warning')}
        {t(`composer.severity.${finding.severity}`)}
      </span>
      <div className="finding__text">
        <span className="finding__message">{findingMessage(t, finding)}</span>
        {quote.trim() !== '' && quote.length <= 40 && <span className="finding__quote">“{quote}”</span>}
        <span className="finding__why">
          {t(finding.explanationKey)}
          {finding.note && ` ${finding.note}`}
        </span>
      </div>
      <div className="finding__actions">
        {quote !== '' && (
          <button type="button" className="button button--small" onClick={() => props.onShow(props.itemKey)}>
            {t('composer.findings.show')}
          </button>
        )}
        {props.fixLabel && (
          <button
            type="button"
            className="button button--small button--primary"
            onClick={() => props.onFix(props.itemKey)}
          >
            {flatIcon('wand', 'accent-text')}
            {props.fixLabel}
          </button>
        )}
      </div>
    </li>
  );
}, sameItem);
