import type { z } from 'zod';
import type { RenderInput, RenderOutcome, TemplateSuggestion } from '../../../shared/api/replies';
import { WatchpostError } from '../../../shared/api/result';
import type { ReplyLang } from '../../../shared/replies/model';
import { variantKindForChannel } from '../../../shared/replies/seed';
import { fillTemplate, viewWith } from '../../../shared/replies/template';
import type { Db } from '../store/db';
import type { ReplyLibrary } from './library';
import { mentionIntent, type MentionFacts } from './mention-facts';

/** The composer's data: variable values for a mention, filled templates, and likely templates. */

/** The case number a mention is known by in replies. */
export function caseNumber(mentionId: number): string {
  return `WP-${String(mentionId).padStart(6, '0')}`;
}

/** Values for template variables: author, operator, case, mention and what kind of mention it is. */
export function mentionValues(db: Db, mention: MentionFacts, operator: string): Record<string, unknown> {
  const profile = db.prepare('SELECT name, initials FROM operators WHERE name = ?').get(operator) as
    { name: string; initials: string } | undefined;
  const name = profile?.name ?? operator;
  const intent = mentionIntent(mention.text, mention.sentiment);
  return {
    author: { name: mention.authorName, handle: mention.authorHandle },
    operator: {
      name,
      firstName: name.split(/\s+/)[0] ?? name,
      initials:
        profile?.initials ??
        name
          .split(/\s+/)
          .map((part) => part.charAt(0).toUpperCase())
          .join(''),
    },
    case: { number: caseNumber(mention.id) },
    mention: { channel: mention.channel, url: mention.url ?? '' },
    question: intent === 'question',
    complaint: intent === 'complaint',
  };
}

/** Fills a template for a mention: the variant for the language and channel, with defaults and the operator's values. */
export function renderForMention(
  library: ReplyLibrary,
  db: Db,
  mention: MentionFacts,
  input: z.output<typeof RenderInput>,
): RenderOutcome {
  const template = library.get(input.templateId);
  const lang: ReplyLang = input.lang ?? (mention.lang === 'en' ? 'en' : 'nl');
  const kind = input.kind ?? variantKindForChannel(mention.channel);
  const variant =
    template.variants.find((v) => v.lang === lang && v.kind === kind) ??
    template.variants.find((v) => v.lang === lang) ??
    null;
  if (!variant) {
    throw new WatchpostError(
      'not_found',
      `the template "${template.name}" has no ${lang === 'nl' ? 'Dutch' : 'English'} text`,
    );
  }
  const view = viewWith(mentionValues(db, mention, input.operator), input.values);
  const filled = fillTemplate(variant.body, template.variables, view, library.partials(lang));
  return filled.ok
    ? { ok: true, text: filled.text, lang, kind: variant.kind, defaulted: filled.defaulted }
    : { ok: false, missing: filled.missing, lang, kind: variant.kind };
}

/**
 * Likely templates for a mention, scored by: its topics (3), its kind — question, complaint, praise (2), a
 * variant in its language (1), keywords found in its text (1 each, at most 3), and how often the template
 * answered earlier mentions with the same topics or from the same author (1 each, at most 3).
 */
export function suggestTemplates(
  library: ReplyLibrary,
  db: Db,
  mention: MentionFacts,
  limit: number,
): TemplateSuggestion[] {
  const intent = mentionIntent(mention.text, mention.sentiment);
  const lang: ReplyLang = mention.lang === 'en' ? 'en' : 'nl';
  const text = mention.text.toLowerCase();
  const topicIds = mention.topics.map((topic) => topic.id);
  const history = new Map<number, number>(
    (
      db
        .prepare(
          `SELECT r.template_id AS id, count(*) AS n FROM replies r
           JOIN mentions m ON m.id = r.mention_id
           WHERE r.state = 'sent' AND r.template_id IS NOT NULL AND r.mention_id != ?
             AND (m.author_id = (SELECT author_id FROM mentions WHERE id = ?)
                  OR r.mention_id IN (SELECT mention_id FROM mention_topics WHERE topic_id IN (SELECT value FROM json_each(?))))
           GROUP BY r.template_id`,
        )
        .all(mention.id, mention.id, JSON.stringify(topicIds)) as { id: number; n: number }[]
    ).map((row) => [row.id, row.n]),
  );
  const suggestions: TemplateSuggestion[] = [];
  for (const template of library.list()) {
    let score = 0;
    const reasons: TemplateSuggestion['reasons'] = [];
    if (template.topicIds.some((id) => topicIds.includes(id))) {
      score += 3;
      reasons.push('topic');
    }
    if (template.intents.includes(intent)) {
      score += 2;
      reasons.push('intent');
    }
    if (template.variants.some((variant) => variant.lang === lang)) {
      score += 1;
      reasons.push('language');
    }
    const keywordHits = template.keywords.filter((keyword) => text.includes(keyword.toLowerCase())).length;
    if (keywordHits > 0) {
      score += Math.min(3, keywordHits);
      reasons.push('keyword');
    }
    const used = history.get(template.id) ?? 0;
    if (used > 0) {
      score += Math.min(3, used);
      reasons.push('history');
    }
    if (reasons.some((reason) => reason !== 'language')) {
      suggestions.push({ templateId: template.id, name: template.name, category: template.category, score, reasons });
    }
  }
  return suggestions.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit);
}
