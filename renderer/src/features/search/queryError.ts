import type { TFunction } from 'i18next';
import type { QuerySyntaxError } from '../../../../shared/query';
import { FIELD_NAMES } from '../../../../shared/query/fields';

const OPERATOR = /(?:^|\s|\()((?:AND|OR|NOT|EN|OF|NIET|NEAR\/\d*)|\()\s*$/i;

/**
 * The mistake in the operator's language: "Kolom 14: na AND hoort een zoekterm te staan". The parser's
 * own message is English; this rebuilds it from the code, the column and the query text around it.
 */
export function describeQueryError(t: TFunction, query: string, error: QuerySyntaxError): string {
  const from = error.column - 1;
  const found = query.slice(from, from + error.length).trim();
  const quoted = `'${found}'`;
  let detail: string;
  switch (error.code) {
    case 'expected_term': {
      const after = OPERATOR.exec(query.slice(0, from))?.[1];
      detail = after
        ? t('search.errors.expected_term_after', { after: after.toUpperCase() })
        : t('search.errors.expected_term');
      break;
    }
    case 'invalid_value': {
      const field = /([\p{L}]+):$/u.exec(query.slice(0, from))?.[1]?.toLowerCase() ?? '';
      if (field === 'after' || field === 'before') detail = t('search.errors.invalid_date', { found: quoted });
      else if (field === 'reach') detail = t('search.errors.invalid_number', { found: quoted });
      else detail = t('search.errors.invalid_value', { found: quoted, field });
      break;
    }
    case 'unknown_field':
      detail = t('search.errors.unknown_field', {
        found: `'${found.replace(/:$/, '')}'`,
        fields: FIELD_NAMES.join(', '),
      });
      break;
    default:
      detail = t(`search.errors.${error.code}`, { found: quoted });
  }
  return t('search.errorAt', { column: error.column, detail });
}
