import { TrendingDown, TrendingUp } from 'lucide-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TermChange, TermsPanel as TermsData } from '../../../../shared/api/trends';
import { useFormat } from '../../i18n/format';
import { exportOnlyHandle } from './Chart';
import type { ChartColours } from './chartTheme';
import { chartFormat, type ChartFormat } from './chartFormat';
import { PanelFrame } from './PanelFrame';
import type { PanelProps } from './panelProps';
import { panelQuestions } from './panelQueries';
import { useChartColours } from './useChartColours';
import { useTrend } from './useTrend';

const KINDS = ['all', 'hashtag', 'word'] as const;

/** The terms as a diverging bar chart, for the PNG and SVG export (the panel itself shows lists). */
function termsOption(data: TermsData, colours: ChartColours, format: ChartFormat) {
  const terms = [...data.falling].reverse().concat(data.rising.slice().reverse());
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (value: number) => format.number(value) } },
    yAxis: { type: 'category', data: terms.map((term) => term.term), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        data: terms.map((term) => ({
          value: term.delta,
          itemStyle: { color: term.delta >= 0 ? colours.accent : colours.textMuted },
        })),
        label: {
          show: true,
          position: 'right',
          color: colours.textMuted,
          formatter: ({ value }: { value: number }) => format.number(value),
        },
      },
    ],
  };
}

function TermList({
  terms,
  direction,
  onPick,
}: {
  terms: TermChange[];
  direction: 'rising' | 'falling';
  onPick(term: TermChange): void;
}) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const format = chartFormat(locale);
  const Icon = direction === 'rising' ? TrendingUp : TrendingDown;
  return (
    <div className="term-list">
      <h3 className="term-list__title">
        <Icon aria-hidden="true" size={14} />
        {t(`trends.terms.${direction}`)}
      </h3>
      {terms.length === 0 ? (
        <p className="muted">{t('trends.terms.none')}</p>
      ) : (
        <ol className="term-list__items">
          {terms.map((term) => (
            <li key={term.term}>
              <button
                type="button"
                className="term-list__term"
                onClick={() => onPick(term)}
                title={t('trends.terms.open', { term: term.term })}
              >
                <span className="term-list__name">{term.term}</span>
                <span className="term-list__count numeric">{format.number(term.count)}</span>
                <span className={`term-list__change numeric term-list__change--${direction}`}>
                  {term.change === null ? t('trends.terms.new') : format.change(term.change)}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** Rising and falling terms and hashtags against the comparison period; the posts behind a term are one click away. */
export function TermsPanel({ config, range, placement, onConfig, onDrill }: PanelProps) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const format = chartFormat(locale);
  const colours = useChartColours();
  const kind = config.termKind ?? 'all';
  const { data, loading, error } = useTrend('trends.terms', panelQuestions.terms(config, range).input);
  const box = useRef<HTMLDivElement>(null);
  const exporter = () =>
    data
      ? exportOnlyHandle(termsOption(data, colours, format), colours, {
          width: box.current?.clientWidth || 640,
          height: 40 + 22 * (data.rising.length + data.falling.length),
        })
      : null;

  const table = () =>
    data && {
      header: ['direction', 'term', 'kind', 'count', 'previous', 'delta', 'change'],
      rows: [
        ...data.rising.map((term) => [
          'rising',
          term.term,
          term.kind,
          term.count,
          term.previous,
          term.delta,
          term.change,
        ]),
        ...data.falling.map((term) => [
          'falling',
          term.term,
          term.kind,
          term.count,
          term.previous,
          term.delta,
          term.change,
        ]),
      ],
    };

  const pick = (term: TermChange) =>
    onDrill({ title: t('trends.terms.drillTitle', { term: term.term }), term: term.term });
  return (
    <PanelFrame
      name="terms"
      title={t('trends.terms.title')}
      caption={
        data
          ? t('trends.terms.caption', {
              from: format.day(data.previousFrom),
              to: format.day(new Date(Date.parse(data.previousTo) - 1).toISOString()),
            }) + (data.sampled ? ` ${t('trends.terms.sampled')}` : '')
          : null
      }
      options={
        <label className="trend-panel__option">
          <span className="visually-hidden">{t('trends.terms.kind')}</span>
          <select
            className="select select--small"
            value={kind}
            onChange={(event) => onConfig({ termKind: event.target.value as (typeof KINDS)[number] })}
          >
            {KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`trends.terms.kinds.${value}`)}
              </option>
            ))}
          </select>
        </label>
      }
      placement={placement}
      range={range}
      loading={loading}
      error={error}
      empty={!data || (data.rising.length === 0 && data.falling.length === 0)}
      chart={exporter}
      table={table}
    >
      {data && (
        <div ref={box} className="term-lists">
          <TermList terms={data.rising} direction="rising" onPick={pick} />
          <TermList terms={data.falling} direction="falling" onPick={pick} />
        </div>
      )}
    </PanelFrame>
  );
}
