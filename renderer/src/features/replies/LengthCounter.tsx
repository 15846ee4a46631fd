import type { TFunction } from 'i18next';
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/domain/mention';
import { useFormat, type Formatters } from '../../i18n/format';
import { rememberLabels } from '../../i18n/memo';

/** What the counter says for one length: its look, the figure shown and the sentence a screen reader hears. */
interface CounterView {
  className: string;
  title: string | null;
  /** "1.234 / 280", hidden from screen readers; null without a limit (the sentence is shown instead). */
  shown: string | null;
  sentence: string;
}

/**
 * The parts of the counter that stay the same while typing, translated once per channel and limit; the sentence
 * of each length is filled from its remembered template (i18n/memo.ts), not interpolated by i18next per key.
 */
function useCounterWords(channel: Channel, limit: number | null) {
  const { t: translate } = useTranslation();
  const fmt = useFormat();
  return useMemo(() => {
    const t = rememberLabels(translate);
    const name = t(`channel.${channel}`);
    const how = t('composer.length.how', { channel: name });
    return { view: (length: number): CounterView => counterView(t, fmt, { name, how, limit, length }) };
  }, [translate, fmt, channel, limit]);
}

function counterView(
  t: TFunction,
  fmt: Formatters,
  { name, how, limit, length }: { name: string; how: string; limit: number | null; length: number },
): CounterView {
  if (limit === null) {
    return {
      className: 'length-counter',
      title: null,
      shown: null,
      sentence: t('composer.length.noLimit', { count: length, formatted: fmt.number(length) }),
    };
  }
  const over = length > limit;
  const near = !over && length > limit * 0.9;
  const figures = { length: fmt.number(length), limit: fmt.number(limit) };
  return {
    className: `length-counter${over ? ' length-counter--over' : near ? ' length-counter--near' : ''}`,
    title: how,
    shown: `${figures.length} / ${figures.limit}`,
    sentence: t(over ? 'composer.length.over' : 'composer.length.of', { ...figures, channel: name }),
  };
}

/** The reply's length as the channel counts it (a URL as 23 on X, an emoji as one), against its limit. */
export const LengthCounter = memo(function LengthCounter(props: {
  id: string;
  length: number;
  limit: number | null;
  channel: Channel;
}) {
  const view = useCounterWords(props.channel, props.limit).view(props.length);
  return (
    <span id={props.id} className={view.className} title={view.title ?? undefined}>
      {view.shown === null ? (
        view.sentence
      ) : (
        <>
          <span aria-hidden="true">{view.shown}</span>
          <span className="visually-hidden">{view.sentence}</span>
        </>
      )}
    </span>
  );
});

/** A text that changes edit by edit, outside React (see fieldText.ts). */
interface LiveText {
  get(): string;
  subscribe(listener: () => void): () => void;
}

/**
 * The same counter, following the reply field edit by edit: it writes its own text in the field's input event,
 * so the frame that paints a keystroke paints the new length too, without a React render on the keystroke's path
 * (a render there, even of this counter alone, is a task's worth of work per key). React renders it only when
 * the channel, the limit or the language changes. `count` says how long a text is as the channel counts it.
 */
export const LiveLengthCounter = memo(function LiveLengthCounter(props: {
  id: string;
  text: LiveText;
  count(text: string): number;
  limit: number | null;
  channel: Channel;
}) {
  const { view } = useCounterWords(props.channel, props.limit);
  const box = useRef<HTMLSpanElement>(null);
  const { text, count } = props;
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    let shownLength: number | null = null;
    const update = () => {
      const length = count(text.get());
      if (length === shownLength) return;
      shownLength = length;
      writeCounter(element, view(length));
    };
    update();
    return text.subscribe(update);
  }, [text, count, view]);
  // React owns the two spans, not their words: writeCounter fills them.
  return (
    <span id={props.id} ref={box} className="length-counter">
      <span aria-hidden="true" />
      <span className="visually-hidden" />
    </span>
  );
});

function writeCounter(box: HTMLElement, view: CounterView): void {
  const [shown, sentence] = box.children;
  if (!shown || !sentence) return;
  if (box.className !== view.className) box.className = view.className;
  if (view.title === null) box.removeAttribute('title');
  else if (box.title !== view.title) box.title = view.title;
  setText(shown, view.shown ?? '');
  // Without a limit there is no figure: the sentence itself is shown.
  const sentenceClass = view.shown === null ? '' : 'visually-hidden';
  if (sentence.className !== sentenceClass) sentence.className = sentenceClass;
  setText(sentence, view.sentence);
}

function setText(element: Element, text: string): void {
  const node = element.firstChild;
  if (node instanceof Text && !node.nextSibling) {
    if (node.data !== text) node.data = text;
  } else if (element.textContent !== text) element.textContent = text;
}
