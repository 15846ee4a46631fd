import { Parser } from 'htmlparser2';

// Elements that start a new paragraph, and those that start a new line.
const PARAGRAPHS = new Set([
  'p',
  'div',
  'blockquote',
  'ul',
  'ol',
  'table',
  'section',
  'article',
  'header',
  'footer',
  'figure',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
]);
const LINES = new Set(['li', 'tr', 'dt', 'dd', 'figcaption']);
const HIDDEN = new Set(['script', 'style', 'template', 'head', 'title']);
// HTML whitespace only: a non-breaking space is content.
const HTML_SPACE = /[ \t\n\r\f]+/g;

interface OpenLink {
  href: string | null;
  all: string;
  visible: string;
}

/**
 * Turns post HTML (Mastodon content, RSS descriptions) into the text a reader sees: `<p>` becomes a
 * blank line, `<br>` a newline, entities are decoded, and links stay readable — a link written as
 * a URL comes out as its full address (Mastodon hides parts of it in `invisible` spans), a
 * @mention or #tag as itself, any other link as `text (address)`.
 */
export function htmlToText(html: string): string {
  const out = new TextBuilder();
  const links: OpenLink[] = [];
  const spans: boolean[] = [];
  let hiddenDepth = 0;
  let invisibleDepth = 0;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (HIDDEN.has(name)) hiddenDepth += 1;
        else if (name === 'br') out.newline();
        else if (PARAGRAPHS.has(name)) out.requestBreak(2);
        else if (LINES.has(name)) out.requestBreak(1);
        else if (name === 'a') links.push({ href: attributes.href?.trim() || null, all: '', visible: '' });
        else if (name === 'img' && attributes.alt) text(attributes.alt);
        else if (name === 'span') {
          const invisible = /\binvisible\b/.test(attributes.class ?? '');
          spans.push(invisible);
          if (invisible) invisibleDepth += 1;
        }
      },
      ontext: text,
      onclosetag(name) {
        if (HIDDEN.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        else if (PARAGRAPHS.has(name)) out.requestBreak(2);
        else if (LINES.has(name)) out.requestBreak(1);
        else if (name === 'span' && spans.pop()) invisibleDepth -= 1;
        else if (name === 'a') {
          const link = links.pop();
          if (link) emit(linkText(link));
        }
      },
    },
    { decodeEntities: true },
  );

  function text(data: string): void {
    if (hiddenDepth > 0) return;
    const link = links.at(-1);
    if (link) {
      link.all += data;
      if (invisibleDepth === 0) link.visible += data;
    } else if (invisibleDepth === 0) out.add(data.replace(HTML_SPACE, ' '));
  }

  function emit(data: string): void {
    const outer = links.at(-1);
    if (outer) {
      outer.all += data;
      outer.visible += data;
    } else out.add(data);
  }

  parser.write(html);
  parser.end();
  return out.toString();
}

function linkText(link: OpenLink): string {
  const visible = link.visible.replace(HTML_SPACE, ' ').trim();
  const all = link.all.replace(HTML_SPACE, '');
  const href = link.href && /^https?:\/\//i.test(link.href) ? link.href : null;
  if (/^[@#]/.test(visible) || !href) return visible || link.href || '';
  if (/^(https?:\/\/|www\.)\S+$/i.test(all) || /^[\w-]+(\.[\w-]+)+(\/\S*)?$/.test(all)) return href;
  return visible && visible !== href ? `${visible} (${href})` : href;
}

/** Builds the text, collapsing spaces and placing line breaks only between content. */
class TextBuilder {
  private text = '';
  private pendingBreaks = 0;

  add(data: string): void {
    let chunk = data;
    if (this.pendingBreaks > 0) {
      this.text = this.text.replace(/ +$/, '');
      const trailing = /\n*$/.exec(this.text)?.[0].length ?? 0;
      this.text += '\n'.repeat(Math.max(0, this.pendingBreaks - trailing));
      this.pendingBreaks = 0;
    }
    if (this.text === '' || this.text.endsWith('\n') || this.text.endsWith(' ')) chunk = chunk.replace(/^ +/, '');
    this.text += chunk;
  }

  newline(): void {
    this.text = this.text.replace(/ +$/, '') + '\n';
    this.pendingBreaks = 0;
  }

  requestBreak(lines: number): void {
    if (this.text !== '') this.pendingBreaks = Math.max(this.pendingBreaks, lines);
  }

  toString(): string {
    return this.text
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  }
}
