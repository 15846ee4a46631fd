import { useLayoutEffect, useMemo, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../../shared/api/replies';
import type { ReplyInput } from './editableText';
import { FindingsField, pointInField, type CheckedRanges } from './FindingsField';
import { slashTokenAt, type SlashToken } from './paint';
import { matchTemplates, optionId, SlashMenu } from './SlashMenu';

const MENU_WIDTH = 320;

/**
 * The reply field with its / menu: typing `/` at the start of a word opens the templates matching
 * what follows; arrow keys choose, Enter or Tab inserts, Escape closes the menu (not the composer).
 */
export function ReplyField(props: {
  id: string;
  /** The text the field starts with. */
  initialText: string;
  /** The text as last reported by the field (a frame after each edit, see FindingsField). */
  text: string;
  onChange(text: string): void;
  /** The text at once after each edit (see FindingsField's onInput). */
  onInput?(text: string): void;
  fieldRef: RefObject<ReplyInput | null>;
  /** The last tone check: its findings and the text it checked. */
  checked: CheckedRanges;
  templates: readonly Template[];
  label: string;
  describedBy: string;
  lang: string;
  caret: number | null;
  onCaret(caret: number): void;
  onPick(template: Template, token: SlashToken): void;
}) {
  const { t } = useTranslation();
  const listId = `${props.id}-templates`;
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [position, setPosition] = useState({ top: 0, left: 0 });
  const placeholder = useMemo(() => t('composer.placeholder'), [t]);

  const token = props.caret === null ? null : slashTokenAt(props.text, props.caret);
  const open = token !== null && token.start !== dismissed;
  const query = open ? token.query : null;
  const { templates, fieldRef } = props;
  const matches = useMemo(() => (query === null ? [] : matchTemplates(templates, query)), [templates, query]);
  const current = Math.min(active, Math.max(0, matches.length - 1));

  // The menu stands under the `/`, measured in the field after layout (only while the menu is open).
  const anchorAt = open ? token.start : null;
  useLayoutEffect(() => {
    const field = fieldRef.current;
    const point = anchorAt === null || !field ? null : pointInField(field, anchorAt);
    if (!point || !field) return;
    const element = field.element;
    const lineHeight = parseFloat(getComputedStyle(element).lineHeight) || 22;
    const top = Math.min(point.top + lineHeight + 4, element.clientHeight + 4);
    const left = Math.max(0, Math.min(point.left, element.clientWidth - MENU_WIDTH));
    setPosition((old) => (old.top === top && old.left === left ? old : { top, left }));
  }, [anchorAt, props.text, fieldRef]);

  const pick = (template: Template | undefined) => {
    if (!template || !token) return;
    setActive(0);
    props.onPick(template, token);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      if (matches.length > 0) setActive((current + step + matches.length) % matches.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && matches.length > 0 && !event.shiftKey) {
      event.preventDefault();
      pick(matches[current]);
    } else if (event.key === 'Escape') {
      // Closes the menu only: the composer stays open with the text as typed.
      event.preventDefault();
      event.stopPropagation();
      setDismissed(token.start);
    }
  };

  return (
    <FindingsField
      id={props.id}
      initialValue={props.initialText}
      onChange={(text) => {
        props.onChange(text);
        setActive(0);
      }}
      reported={props.text}
      onInput={props.onInput}
      onCaret={props.onCaret}
      checked={props.checked}
      fieldRef={props.fieldRef}
      label={props.label}
      describedBy={props.describedBy}
      invalid={props.checked.findings.some((finding) => finding.severity === 'error')}
      placeholder={placeholder}
      onKeyDown={onKeyDown}
      menu={open && matches.length > 0 ? { listId, activeId: optionId(listId, matches[current]!) } : undefined}
      lang={props.lang}
    >
      {open && (
        <SlashMenu
          listId={listId}
          matches={matches}
          active={current}
          position={position}
          onPick={pick}
          onHover={setActive}
        />
      )}
    </FindingsField>
  );
}
