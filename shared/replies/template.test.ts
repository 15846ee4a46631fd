import { describe, expect, it } from 'vitest';
import { fillTemplate, renderTemplate, templateNames, validateTemplate } from './template';

describe('reply templates', () => {
  it('renders plain text: no HTML escaping of quotes or ampersands', () => {
    expect(renderTemplate("{{name}} & co's", { name: "O'Brien <3" })).toBe("O'Brien <3 & co's");
  });

  it('uses snippets as partials and sections for true values', () => {
    const text = renderTemplate(
      '{{> greeting}} {{#question}}Goede vraag.{{/question}}{{^question}}Dank.{{/question}}',
      {
        author: { name: 'Jan' },
        question: true,
      },
      { greeting: 'Beste {{author.name}},' },
    );
    expect(text).toBe('Beste Jan, Goede vraag.');
  });

  it('names a syntax error by line and column', () => {
    expect(validateTemplate('Beste,\n\n  {{#question}} open')).toEqual([
      {
        line: 3,
        column: 3,
        offset: 10,
        code: 'unclosed_section',
        name: 'question',
        message: 'the section {{#question}} is never closed with {{/question}}',
      },
    ]);
    // Our own codes, not Mustache's English: the UI words them in Dutch or English.
    expect(validateTemplate('Hallo {{author.name')[0]).toMatchObject({ line: 1, column: 7, code: 'unclosed_tag' });
    expect(validateTemplate('a {{/x}}')[0]).toMatchObject({ line: 1, column: 3, code: 'unopened_section', name: 'x' });
    expect(validateTemplate('a\n{{#x}} b {{/y}}')[0]).toMatchObject({
      line: 2,
      column: 10,
      code: 'mismatched_section',
      name: 'x',
      closing: 'y',
      message: '{{/y}} closes a section, but the open one is {{#x}}',
    });
  });

  it('refuses a snippet that does not exist', () => {
    expect(validateTemplate('x\n{{> groet}}', new Set(['greeting']))).toEqual([
      { line: 2, column: 1, offset: 2, code: 'unknown_snippet', name: 'groet', message: 'there is no snippet "groet"' },
    ]);
    expect(validateTemplate('{{> greeting}}', new Set(['greeting']))).toEqual([]);
  });

  it('blocks a missing required variable and names it; defaults fill in', () => {
    const variables = [
      { name: 'case.number', required: true, default: null },
      { name: 'team.name', required: false, default: 'het team' },
    ];
    expect(fillTemplate('Zaak {{case.number}} bij {{team.name}}', variables, {})).toEqual({
      ok: false,
      missing: ['case.number'],
    });
    expect(fillTemplate('Zaak {{case.number}} bij {{team.name}}', variables, { case: { number: 'WP-1' } })).toEqual({
      ok: true,
      text: 'Zaak WP-1 bij het team',
      defaulted: ['team.name'],
    });
  });

  it('lists the variables and snippets a template uses', () => {
    expect(
      templateNames('{{> greeting}} {{case.number}} {{#question}}{{x}}{{/question}}', { greeting: '{{author.name}}' }),
    ).toEqual({
      variables: ['author.name', 'case.number', 'question'],
      partials: ['greeting'],
    });
  });
});
