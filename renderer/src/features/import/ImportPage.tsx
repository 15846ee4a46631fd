import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { SectionTabs } from '../../components/SectionTabs';
import { useCurrentSection } from '../../route';
import { ImportWizard } from './ImportWizard';
import { RejectsView } from './RejectsView';

/** `#/import`: the import wizard; `#/import/rejected`: the records that could not be imported. */
export function ImportPage() {
  const { t } = useTranslation();
  const section = useCurrentSection() === 'rejected' ? 'rejected' : null;
  return (
    <>
      <PageHeader title={t('importer.title')}>
        <SectionTabs
          page="import"
          label={t('importer.sections.label')}
          current={section}
          sections={[
            { section: null, label: t('importer.sections.file') },
            { section: 'rejected', label: t('importer.sections.rejected') },
          ]}
        />
      </PageHeader>
      <div className="page-body page-body--padded import-page">
        {section === 'rejected' ? <RejectsView /> : <ImportWizard />}
      </div>
    </>
  );
}
