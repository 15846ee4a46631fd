import {
  AtSign,
  Archive,
  Ban,
  BriefcaseBusiness,
  Camera,
  Circle,
  CircleAlert,
  CircleCheck,
  CircleDot,
  Clock,
  Cloud,
  FileText,
  Frown,
  Meh,
  MessageSquare,
  MessagesSquare,
  Minus,
  Rss,
  Smile,
  SquarePlay,
  TriangleAlert,
  Users,
  Wand2,
  Webhook,
  type LucideIcon,
} from 'lucide-react';
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';

/**
 * Icons that repeat many times on one screen (the inbox rows' channel, sentiment and status, the composer's
 * findings) painted as a CSS background image instead of an inline `<svg>`.
 *
 * Why: Chromium gives every inline `<svg>` (and every CSS mask) a transform node and a paint chunk of its own,
 * and on every frame that paints anything it re-layerizes the whole page, chunk by chunk. In a probe page, 600
 * inline icons behind a dialog made each keystroke's frame ~3–4 ms dearer on the 2-core machine, whatever the
 * frame changed; the inbox's rows hold ~120 such icons and the composer's findings ~100. A background image is
 * one plain display item.
 *
 * The images are the very lucide icons the rest of the app draws (rendered once, `installFlatIcons`), each in
 * the colour of its tone in the current theme (read from the theme's CSS variables, again when the theme
 * changes). They are decorative, as the inline icons were: the word or label beside them says what they mean.
 */

export const FLAT_ICONS = {
  'at-sign': AtSign,
  archive: Archive,
  ban: Ban,
  briefcase: BriefcaseBusiness,
  camera: Camera,
  circle: Circle,
  'circle-alert': CircleAlert,
  'circle-check': CircleCheck,
  'circle-dot': CircleDot,
  clock: Clock,
  cloud: Cloud,
  'file-text': FileText,
  frown: Frown,
  meh: Meh,
  'message-square': MessageSquare,
  'messages-square': MessagesSquare,
  minus: Minus,
  rss: Rss,
  smile: Smile,
  'square-play': SquarePlay,
  'triangle-alert': TriangleAlert,
  users: Users,
  wand: Wand2,
  webhook: Webhook,
} as const satisfies Record<string, LucideIcon>;

export type FlatIconName = keyof typeof FLAT_ICONS;

/** The colour an icon takes: the theme variable its inline version would have inherited as currentColor. */
export const FLAT_TONES = {
  muted: '--text-muted',
  'accent-ink': '--accent-ink',
  'accent-text': '--accent-text',
  positive: '--positive',
  neutral: '--neutral',
  negative: '--negative',
  warning: '--warning',
} as const;

export type FlatTone = keyof typeof FLAT_TONES;

const SIZE = 14;

/** Each icon's SVG markup (stroke in currentColor), once installed. */
let markup: Map<FlatIconName, string> | null = null;
let sheet: CSSStyleSheet | null = null;
/** The icon/tone pairs asked for so far: each has one rule in the sheet, made again when the theme changes. */
const wanted = new Set<string>();

function supported(): boolean {
  return (
    typeof document !== 'undefined' &&
    typeof CSSStyleSheet === 'function' &&
    'replaceSync' in CSSStyleSheet.prototype &&
    Array.isArray(document.adoptedStyleSheets)
  );
}

const className = (name: FlatIconName, tone: FlatTone) => `flat-icon--${name}--${tone}`;

function ruleFor(name: FlatIconName, tone: FlatTone, colours: CSSStyleDeclaration): string | null {
  const svg = markup?.get(name);
  const colour = colours.getPropertyValue(FLAT_TONES[tone]).trim();
  if (!svg || !colour) return null;
  const url = `data:image/svg+xml,${encodeURIComponent(svg.replaceAll('currentColor', colour))}`;
  return `.${className(name, tone)}{background-image:url("${url}")}`;
}

function fillSheet(): void {
  if (!sheet) return;
  const colours = getComputedStyle(document.documentElement);
  const rules: string[] = [];
  for (const key of wanted) {
    const [name, tone] = key.split(' ') as [FlatIconName, FlatTone];
    const rule = ruleFor(name, tone, colours);
    if (rule) rules.push(rule);
  }
  sheet.replaceSync(rules.join('\n'));
}

/**
 * Renders the icons once (off screen) and adopts the sheet their images live in. Call before the first render;
 * the sheet follows the theme (`data-theme` on <html>). Where the browser lacks constructable style sheets
 * (test DOMs), nothing is installed and `flatIcon` leaves the images out.
 */
export function installFlatIcons(): void {
  if (markup || !supported()) return;
  const host = document.createElement('div');
  const root = createRoot(host);
  const names = Object.keys(FLAT_ICONS) as FlatIconName[];
  flushSync(() =>
    root.render(
      names.map((name) => {
        const Icon = FLAT_ICONS[name];
        return <Icon key={name} size={SIZE} strokeWidth={2} aria-hidden="true" />;
      }),
    ),
  );
  const rendered = [...host.children];
  markup = new Map(names.map((name, index) => [name, svgMarkup(rendered[index])]));
  root.unmount();
  sheet = new CSSStyleSheet();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  fillSheet();
  new MutationObserver(fillSheet).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['data-theme'],
  });
}

/** An element's markup as a standalone SVG document (an image needs the namespace on its root). */
function svgMarkup(element: Element | undefined): string {
  if (!element) return '';
  const copy = element.cloneNode(true) as Element;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.removeAttribute('class');
  copy.removeAttribute('aria-hidden');
  return copy.outerHTML;
}

/**
 * The class that gives an element `name` in `tone` as its background image, nothing else (the element sizes and
 * places it). Asking for a pair the sheet lacks adds its rule; safe during render (it only ever adds the same rule
 * once).
 */
export function flatImageClass(name: FlatIconName, tone: FlatTone): string {
  const key = `${name} ${tone}`;
  if (!wanted.has(key)) {
    wanted.add(key);
    if (sheet) {
      const rule = ruleFor(name, tone, getComputedStyle(document.documentElement));
      if (rule) sheet.insertRule(rule, sheet.cssRules.length);
    }
  }
  return className(name, tone);
}

/** The class names that show `name` in `tone` as an icon of its own (`.flat-icon` in components.css sizes it). */
export function flatIconClass(name: FlatIconName, tone: FlatTone): string {
  return `flat-icon ${flatImageClass(name, tone)}`;
}

/** A decorative icon as a background image: `<span class="flat-icon …" aria-hidden>`. Hook-free (table cells call it). */
export function flatIcon(name: FlatIconName, tone: FlatTone) {
  return <span className={flatIconClass(name, tone)} aria-hidden="true" />;
}
