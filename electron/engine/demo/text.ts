import {
  DEMO_TOPIC_KEYS,
  INCIDENT_VOCABULARY,
  SHARED_EN,
  SHARED_NL,
  TOPIC_VOCABULARY,
  type BySentiment,
  type DemoSentiment,
  type LanguageVocabulary,
  type SharedVocabulary,
} from '../../../resources/demo';
import type { DemoRandom } from './random';

export type DemoLanguage = 'nl' | 'en';
export type Register = 'social' | 'news';

/** A template cut into literal text and slot numbers (`ORG` for the organisation's name on the channel). */
export interface Sentence {
  /** Stable number of the template, kept in `raw` so analysis can be checked against what was meant. */
  id: number;
  parts: readonly (string | number)[];
  label: DemoSentiment;
  score: number;
  question: boolean;
}

type Sentences = Readonly<Record<DemoSentiment, readonly Sentence[]>>;
interface CompiledLanguage {
  social: Sentences;
  news: Sentences;
  hashtags: readonly string[];
}

export const ORG = -1;
const DEFAULT_SCORE: Readonly<Record<DemoSentiment, number>> = { positive: 0.55, neutral: 0, negative: -0.55 };
const SCORED = /^(-?\d(?:\.\d+)?)\|/;
const SLOT = /\{(\w+)\}/g;

/**
 * The demo's vocabulary compiled once per run: templates split into parts, slots resolved to lists, so that
 * writing a sentence is a handful of string concatenations.
 */
export class Vocabulary {
  private readonly slotValues: (readonly string[])[] = [];
  private readonly slotIds = new Map<readonly string[], number>();
  private nextSentenceId = 0;
  /** [topic][language] */
  readonly topics: Readonly<Record<DemoLanguage, CompiledLanguage>>[];
  /** [incident kind][language]; incident sentences may use their topic's slots. */
  readonly incidents: ReadonlyMap<string, Readonly<Record<DemoLanguage, CompiledLanguage>>>;
  readonly shared: Readonly<Record<DemoLanguage, SharedVocabulary>> = { nl: SHARED_NL, en: SHARED_EN };

  constructor() {
    this.topics = DEMO_TOPIC_KEYS.map((key) => ({
      nl: this.compileLanguage(TOPIC_VOCABULARY[key].nl, [TOPIC_VOCABULARY[key].nl.slots, SHARED_NL.slots]),
      en: this.compileLanguage(TOPIC_VOCABULARY[key].en, [TOPIC_VOCABULARY[key].en.slots, SHARED_EN.slots]),
    }));
    const incidents = new Map<string, Readonly<Record<DemoLanguage, CompiledLanguage>>>();
    const topicOf: Readonly<Record<string, (typeof DEMO_TOPIC_KEYS)[number]>> = {
      brawl: 'nightlife',
      noise: 'nightlife',
      crowding: 'nightlife',
      outage: 'broadband',
    };
    for (const [kind, vocabulary] of Object.entries(INCIDENT_VOCABULARY)) {
      const topic = TOPIC_VOCABULARY[topicOf[kind] ?? 'nightlife'];
      incidents.set(kind, {
        nl: this.compileLanguage(vocabulary.nl, [vocabulary.nl.slots, topic.nl.slots, SHARED_NL.slots]),
        en: this.compileLanguage(vocabulary.en, [vocabulary.en.slots, topic.en.slots, SHARED_EN.slots]),
      });
    }
    this.incidents = incidents;
  }

  /** How many distinct templates there are (for tests and the curious). */
  get sentenceCount(): number {
    return this.nextSentenceId;
  }

  /**
   * Picks a sentence for a topic (or incident), language, register and sentiment, falling back from the
   * incident to its topic and from news to social when a list is empty.
   */
  pick(
    random: DemoRandom,
    topic: number,
    incidentKind: string | null,
    lang: DemoLanguage,
    register: Register,
    label: DemoSentiment,
  ): Sentence {
    const incident = incidentKind ? this.incidents.get(incidentKind)?.[lang] : undefined;
    const own = this.topics[topic]![lang];
    const candidates = [incident?.[register][label], incident?.social[label], own[register][label], own.social[label]];
    for (const list of candidates) if (list && list.length > 0) return random.pick(list);
    return random.pick(own.social.neutral);
  }

  hashtags(topic: number, incidentKind: string | null, lang: DemoLanguage): readonly string[] {
    const incident = incidentKind ? this.incidents.get(incidentKind)?.[lang] : undefined;
    return incident?.hashtags ?? this.topics[topic]![lang].hashtags;
  }

  render(sentence: Sentence, random: DemoRandom, organisation: string): string {
    let text = '';
    for (const part of sentence.parts) {
      if (typeof part === 'string') text += part;
      else if (part === ORG) text += organisation;
      else text += random.pick(this.slotValues[part]!);
    }
    return capitalise(text);
  }

  private compileLanguage(
    vocabulary: LanguageVocabulary,
    scopes: readonly Readonly<Record<string, readonly string[]>>[],
  ): CompiledLanguage {
    return {
      social: this.compileSentiments(vocabulary.social, scopes),
      news: this.compileSentiments(vocabulary.news, scopes),
      hashtags: vocabulary.hashtags,
    };
  }

  private compileSentiments(
    bySentiment: BySentiment,
    scopes: readonly Readonly<Record<string, readonly string[]>>[],
  ): Sentences {
    const compile = (label: DemoSentiment): Sentence[] =>
      bySentiment[label].map((template) => this.compile(template, label, scopes));
    return { positive: compile('positive'), neutral: compile('neutral'), negative: compile('negative') };
  }

  private compile(
    template: string,
    label: DemoSentiment,
    scopes: readonly Readonly<Record<string, readonly string[]>>[],
  ): Sentence {
    const scored = SCORED.exec(template);
    const body = scored ? template.slice(scored[0].length) : template;
    const parts: (string | number)[] = [];
    let last = 0;
    for (const match of body.matchAll(SLOT)) {
      if (match.index > last) parts.push(body.slice(last, match.index));
      parts.push(this.slotId(match[1]!, scopes, template));
      last = match.index + match[0].length;
    }
    if (last < body.length) parts.push(body.slice(last));
    return {
      id: this.nextSentenceId++,
      parts,
      label,
      score: scored ? Number(scored[1]) : DEFAULT_SCORE[label],
      question: body.includes('?'),
    };
  }

  private slotId(
    name: string,
    scopes: readonly Readonly<Record<string, readonly string[]>>[],
    template: string,
  ): number {
    if (name === 'org') return ORG;
    const values = scopes.find((scope) => scope[name])?.[name];
    if (!values || values.length === 0) throw new Error(`demo vocabulary: no values for {${name}} in "${template}"`);
    let id = this.slotIds.get(values);
    if (id === undefined) {
      id = this.slotValues.length;
      this.slotValues.push(values);
      this.slotIds.set(values, id);
    }
    return id;
  }
}

function capitalise(text: string): string {
  const first = text.charCodeAt(0);
  return first >= 97 && first <= 122 ? String.fromCharCode(first - 32) + text.slice(1) : text;
}
