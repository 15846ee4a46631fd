/**
 * Shape of the demo vocabulary. Sentences are templates: `{slot}` is replaced by a random value of that
 * slot (topic slots first, then the shared slots of the language); `{org}` names the organisation the way
 * the channel does (an @handle on X, the page name on Facebook). A leading `-0.8|` sets the intended
 * sentiment score; without it the score follows the label.
 */
export type DemoSentiment = 'positive' | 'neutral' | 'negative';

export type BySentiment = Readonly<Record<DemoSentiment, readonly string[]>>;

export interface LanguageVocabulary {
  /** What people post on social channels and the forum. */
  social: BySentiment;
  /** Headlines of news sites and blogs (the rss channel). */
  news: BySentiment;
  slots: Readonly<Record<string, readonly string[]>>;
  hashtags: readonly string[];
}

export interface TopicVocabulary {
  nl: LanguageVocabulary;
  en: LanguageVocabulary;
}

export interface SharedVocabulary {
  slots: Readonly<Record<string, readonly string[]>>;
  /** Short lead-ins, by sentiment. */
  openers: BySentiment;
  /** A second sentence that strengthens the first, by sentiment. */
  extras: BySentiment;
  /** How a reply in a thread starts, by sentiment. */
  replyOpeners: BySentiment;
  /** Sentences a news item continues with. */
  newsLeads: readonly string[];
  /** First lines of forum posts. */
  forumGreetings: readonly string[];
  /** First lines of LinkedIn posts. */
  linkedinOpeners: readonly string[];
  emoji: BySentiment;
  hashtags: readonly string[];
}
