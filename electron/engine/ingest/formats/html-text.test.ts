import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text';

const reference = (file: string) => path.resolve(process.cwd(), '../shared/reference', file);

describe('htmlToText', () => {
  it('turns Mastodon link markup into the full address and decodes entities (reference status)', () => {
    const status = JSON.parse(readFileSync(reference('social/mastodon/status_example_from_docs.json'), 'utf8'));
    expect(htmlToText(status.content)).toBe(
      '"I lost my inheritance with one wrong digit on my sort code"\n\n' +
        'https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code',
    );
  });

  it('keeps @mentions and #tags as written and names other links with their address', () => {
    const html =
      '<p><span class="h-card"><a href="https://social.example/@wethouder" class="u-url mention">@<span>wethouder</span></a></span> ' +
      'de lantaarnpalen in de <a href="https://social.example/tags/Stratumseind" class="mention hashtag" rel="tag">#<span>Stratumseind</span></a> ' +
      'zijn weer kapot.<br>Zie <a href="https://gemeente.example/melding">de melding</a> &amp; foto&apos;s</p><p>Groet</p>';
    expect(htmlToText(html)).toBe(
      '@wethouder de lantaarnpalen in de #Stratumseind zijn weer kapot.\n' +
        "Zie de melding (https://gemeente.example/melding) & foto's\n\nGroet",
    );
  });

  it('drops scripts and styles, collapses layout whitespace and keeps non-breaking spaces', () => {
    expect(
      htmlToText('<div>\n  een\n  twee<script>alert(1)</script><style>p{}</style></div><div>drie\u00a0vier</div>'),
    ).toBe('een twee\n\ndrie\u00a0vier');
  });

  it('treats plain text as text', () => {
    expect(htmlToText('gewoon tekst &lt;3')).toBe('gewoon tekst <3');
  });
});
