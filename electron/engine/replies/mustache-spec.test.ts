import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../../shared/replies/template';

/**
 * The official Mustache spec (../shared/reference/mustache-spec/specs, optional `~` files skipped) run against
 * our renderer with the spec's HTML escaping switched on. Exceptions, each with its reason:
 * - interpolation.json "Dotted Names - Context Precedence": mustache.js 4.2 looks up `b.c` inside `{{#a}}` in the
 *   parent context when `a.b` has no `c`, instead of stopping at `a.b` (a known mustache.js deviation). Our
 *   templates use dotted names only at the top level (author.name, case.number), where this never matters.
 */
const SPEC_DIR = path.resolve(__dirname, '../../../../shared/reference/mustache-spec/specs');

interface SpecTest {
  name: string;
  desc: string;
  data: unknown;
  template: string;
  partials?: Record<string, string>;
  expected: string;
}

/** Cases mustache.js 4.2 does not pass, by "file: name", with the reason. */
const KNOWN_EXCEPTIONS: Record<string, string> = {
  'interpolation.json: Dotted Names - Context Precedence':
    'mustache.js resolves the rest of a dotted name in a parent context',
};

const files = readdirSync(SPEC_DIR).filter((file) => file.endsWith('.json') && !file.startsWith('~'));

describe('Mustache spec', () => {
  it('finds the spec files', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });
  for (const file of files) {
    const spec = JSON.parse(readFileSync(path.join(SPEC_DIR, file), 'utf8')) as { tests: SpecTest[] };
    describe(file, () => {
      for (const test of spec.tests) {
        const key = `${file}: ${test.name}`;
        const run = () => renderTemplate(test.template, test.data, test.partials ?? {}, { escapeHtml: true });
        if (KNOWN_EXCEPTIONS[key]) {
          it.fails(`${test.name} (known exception: ${KNOWN_EXCEPTIONS[key]})`, () => {
            expect(run()).toBe(test.expected);
          });
        } else {
          it(test.name, () => {
            expect(run()).toBe(test.expected);
          });
        }
      }
    });
  }
});
