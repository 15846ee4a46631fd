import { CircleAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PreviewRow } from '../../../../shared/api/imports';
import { ChannelLabel } from '../../components/MentionLabels';
import { useFormat } from '../../i18n/format';
import { RejectReasonText } from './RejectReason';

/** The first records exactly as the import will read them; a rejected one says why, in its own row. */
export function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const rejected = rows.filter((row) => row.reject !== null).length;
  return (
    <table className="preview-table">
      <caption className="preview-table__caption">
        {t('importer.preview.tableCaption', { count: rows.length, formatted: fmt.number(rows.length) })}
        <span className="preview-table__summary">
          {t('importer.preview.summary', {
            count: rows.length,
            good: fmt.number(rows.length - rejected),
            bad: fmt.number(rejected),
          })}
        </span>
      </caption>
      <thead>
        <tr>
          <th scope="col" className="preview-table__number">
            {t('importer.preview.columns.number')}
          </th>
          <th scope="col">{t('importer.preview.columns.time')}</th>
          <th scope="col">{t('importer.preview.columns.author')}</th>
          <th scope="col">{t('importer.preview.columns.channel')}</th>
          <th scope="col">{t('importer.preview.columns.text')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index} className={row.reject ? 'preview-table__reject' : undefined}>
            <td className="preview-table__number numeric">{fmt.number(index + 1)}</td>
            {row.mention ? (
              <>
                <td className="numeric preview-table__time">
                  <time dateTime={row.mention.createdAt}>{fmt.dateTime(row.mention.createdAt)}</time>
                </td>
                <td className="preview-table__author">
                  {row.mention.author ? (
                    <>
                      {row.mention.authorName ?? `@${row.mention.author}`}
                      {row.mention.authorName && <span className="author__handle">@{row.mention.author}</span>}
                    </>
                  ) : (
                    <span className="muted">{t('importer.preview.noAuthor')}</span>
                  )}
                </td>
                <td>
                  <ChannelLabel channel={row.mention.channel} />
                </td>
                <td className="preview-table__text">{row.mention.text}</td>
              </>
            ) : (
              <td colSpan={4}>
                <span className="reject-reason">
                  <CircleAlert aria-hidden="true" size={14} />
                  <strong>{t('importer.preview.rejected')}</strong>
                  <RejectReasonText why={{ reason: row.reject ?? '', ...row.rejectWhy }} />
                </span>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
