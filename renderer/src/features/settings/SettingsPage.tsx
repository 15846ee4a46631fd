import { lazy, Suspense, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../shared/api/contract';
import { ApiError, call, transportKind } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { SectionTabs } from '../../components/SectionTabs';
import { TemplateLibrary } from '../replies/TemplateLibrary';
import { ToneSettings } from '../replies/ToneSettings';
import { useCurrentSection } from '../../route';
import { SourcesPanel } from '../sources/SourcesPanel';
import { AnalysisSettings } from '../analysis-settings/AnalysisSettings';
import { TopicsSection } from '../topics/TopicsSection';
import { LANGUAGES } from '../../i18n';
import { THEMES, usePreferences } from '../../stores/preferences';

interface Choice<T extends string> {
  value: T;
  label: string;
}

/** A segmented control built from native radio buttons: arrow keys, labels and checked state for free. */
function ChoiceGroup<T extends string>(props: {
  label: string;
  value: T;
  choices: Choice<T>[];
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <div className="setting">
      <span className="setting__label" id={`${id}-label`}>
        {props.label}
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby={`${id}-label`}>
        {props.choices.map((choice) => (
          <label key={choice.value} className="segmented__option">
            <input
              type="radio"
              name={id}
              value={choice.value}
              checked={props.value === choice.value}
              onChange={() => props.onChange(choice.value)}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </div>
  );
}

function WorkspaceInfo() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<MethodOutput<'app.info'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('app.info', {})
      .then(setInfo)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, []);
  const transport = transportKind() === 'ipc' ? 'connectionIpc' : 'connectionHttp';
  return (
    <section className="settings-section" aria-labelledby="settings-workspace">
      <h2 id="settings-workspace" className="settings-section__title">
        {t('settings.workspace')}
      </h2>
      {error && <p className="settings-section__error">{t('settings.workspaceUnavailable', { message: error })}</p>}
      <dl className="facts">
        <dt>{t('settings.version')}</dt>
        <dd className="numeric">{info?.version ?? t('common.missing')}</dd>
        <dt>{t('settings.schemaVersion')}</dt>
        <dd className="numeric">{info?.schemaVersion ?? t('common.missing')}</dd>
        <dt>{t('settings.dataDir')}</dt>
        <dd className="facts__path">{info?.dataDir ?? t('common.missing')}</dd>
        <dt>{t('settings.connection')}</dt>
        <dd>{t(`settings.${transport}`)}</dd>
      </dl>
    </section>
  );
}

/** The map's boundaries import lives with the trends code, which loads on demand (it brings ECharts). */
const BoundariesSettings = lazy(() =>
  import('../trends/BoundariesImport').then((module) => ({ default: module.BoundariesSettings })),
);

const SECTIONS = ['sources', 'topics', 'analysis', 'tone', 'templates', 'map'] as const;

export function SettingsPage() {
  const { t } = useTranslation();
  const current = useCurrentSection();
  const section = (SECTIONS as readonly string[]).includes(current ?? '')
    ? (current as (typeof SECTIONS)[number])
    : null;
  return (
    <>
      <PageHeader title={t('settings.title')}>
        <SectionTabs
          page="settings"
          label={t('settings.sections.label')}
          current={section}
          sections={[
            { section: null, label: t('settings.sections.general') },
            { section: 'sources', label: t('settings.sections.sources') },
            { section: 'topics', label: t('topics.title') },
            { section: 'analysis', label: t('analysis.title') },
            { section: 'tone', label: t('settings.sections.tone') },
            { section: 'templates', label: t('settings.sections.templates') },
            { section: 'map', label: t('settings.sections.map') },
          ]}
        />
      </PageHeader>
      <div className="page-body page-body--padded">
        {section === 'sources' && <SourcesPanel />}
        {section === 'topics' && <TopicsSection />}
        {section === 'analysis' && <AnalysisSettings />}
        {section === 'tone' && <ToneSettings />}
        {section === 'templates' && <TemplateLibrary />}
        {section === 'map' && (
          <Suspense fallback={null}>
            <BoundariesSettings />
          </Suspense>
        )}
        {section === null && <GeneralSettings />}
      </div>
    </>
  );
}

/** Appearance and the workspace's facts. */
function GeneralSettings() {
  const { t } = useTranslation();
  const { language, theme, setLanguage, setTheme } = usePreferences();
  return (
    <>
      <section className="settings-section" aria-labelledby="settings-appearance">
        <h2 id="settings-appearance" className="settings-section__title">
          {t('settings.appearance')}
        </h2>
        <p className="settings-section__help">{t('settings.appearanceHelp')}</p>
        <ChoiceGroup
          label={t('settings.language')}
          value={language}
          choices={LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
          onChange={setLanguage}
        />
        <ChoiceGroup
          label={t('settings.theme')}
          value={theme}
          choices={THEMES.map((value) => ({ value, label: t(`settings.themes.${value}`) }))}
          onChange={setTheme}
        />
      </section>
      <WorkspaceInfo />
    </>
  );
}
