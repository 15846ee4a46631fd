import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

/** Replies: the approval queue, sent and failed replies, and the template library (being built). */
export function RepliesPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('nav.replies')} />;
}
