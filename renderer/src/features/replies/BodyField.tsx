import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { validateTemplate, type SyntaxProblem } from '../../../../shared/replies/template';

/** The syntax problems of a template text: checked as it is typed, so a broken template is never saved. */
export function bodyProblems(body: string, snippets: ReadonlySet<string>): SyntaxProblem[] {
  return validateTemplate(body, snippets);
}

/** A syntax problem in the operator's language (Mustache itself only speaks English). */
export function syntaxMessage(t: TFunction, problem: SyntaxProblem): string {
  const name = problem.name ?? '';
  const tags = {
    unclosed_tag: ['{{', '}}'],
    unopened_section: [`{{#${name}}}`, `{{/${name}}}`],
    unclosed_section: [`{{#${name}}}`, `{{/${name}}}`],
    mismatched_section: [`{{#${name}}}`, `{{/${problem.closing ?? ''}}}`],
    unknown_snippet: ['', ''],
    invalid: ['', ''],
  }[problem.code];
  return t(`templates.syntax.${problem.code}`, { name, open: tags[0], close: tags[1] });
}

/** A template or snippet text with its Mustache syntax checked live; a problem is shown by line and column. */
export function BodyField(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  problems: readonly SyntaxProblem[];
  rows?: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  const problem = props.problems[0];
  return (
    <label className="field">
      <span className="field__label">{props.label}</span>
      <textarea
        className="input input--code template-body"
        value={props.value}
        rows={props.rows ?? 6}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={problem !== undefined}
        aria-describedby={`${id}-check`}
        spellCheck
      />
      {problem ? (
        <span id={`${id}-check`} className="field__error" role="alert">
          {t('templates.syntaxError', {
            line: problem.line,
            column: problem.column,
            message: syntaxMessage(t, problem),
          })}
        </span>
      ) : (
        <span id={`${id}-check`} className="field__help">
          {t('templates.syntaxHelp', {
            variable: '{{author.name}}',
            section: '{{#question}}…{{/question}}',
            snippet: '{{> groet}}',
          })}
        </span>
      )}
    </label>
  );
}
