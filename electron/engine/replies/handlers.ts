import type { replyMethods } from '../../../shared/api/replies';
import { WatchpostError } from '../../../shared/api/result';
import { tonePreset, validateToneRules } from '../../../shared/replies/tone/presets';
import { checkTone } from '../../../shared/replies/tone/check';
import type { Handlers } from '../dispatcher';
import type { Engine } from '../engine';
import type { PollContext } from '../ingest/connectors/types';
import { mentionValues, renderForMention, suggestTemplates } from './compose';
import { responseKpis } from './kpis';
import { ReplyLibrary } from './library';
import { readMention } from './mention-facts';
import { ReplySettings } from './settings';
import { ReplyWorkflow } from './workflow';

/** How long one send may take before it counts as failed (and can be retried). */
const SEND_TIMEOUT_MS = 30_000;

/**
 * The engine's side of shared/api/replies.ts. Posting uses the workspace's credential box (the one the
 * live sources seal their tokens with), so a reply goes out with the source's own token.
 */
export function replyHandlers(engine: Engine): Pick<Handlers, keyof typeof replyMethods> {
  const { db } = engine;
  const settings = new ReplySettings(db);
  const library = new ReplyLibrary(db, settings);
  library.seed();
  const postContext = (): PollContext => ({
    fetch: globalThis.fetch,
    box: engine.secretBox,
    now: Date.now,
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
  const workflow = new ReplyWorkflow({ db, events: engine.events, settings, postContext });

  return {
    'replies.templates.list': (input) => library.list(input),
    'replies.templates.get': (input) => library.get(input.id),
    'replies.templates.save': (input) => library.saveTemplate(input),
    'replies.templates.delete': (input) => ({ deleted: library.deleteTemplate(input.id, input.operator) }),
    'replies.snippets.list': () => library.snippets(),
    'replies.snippets.save': (input) => library.saveSnippet(input),
    'replies.snippets.delete': (input) => ({ deleted: library.deleteSnippet(input.id, input.operator) }),
    'replies.library.export': () => library.exportFile(),
    'replies.library.import': (input) =>
      library.importFile(input.library, input.mode, input.includeTone, input.operator),
    'replies.tone.get': () => settings.tone(),
    'replies.tone.save': (input) => settings.saveTone(input.rules, input.operator),
    'replies.tone.reset': (input) => settings.resetTone(input.preset, input.operator),
    'replies.tone.presets': () =>
      (['public', 'brand'] as const).map((preset) => ({ preset, rules: tonePreset(preset) })),
    'replies.tone.check': (input) => {
      const rules = input.rules ?? settings.tone().rules;
      const [problem] = validateToneRules(rules);
      if (problem) throw new WatchpostError('invalid_input', `${problem.path}: ${problem.message}`);
      return checkTone(input.text, rules, input.context);
    },
    'replies.approval.get': () => settings.approval(),
    'replies.approval.save': ({ operator, ...rules }) => settings.saveApproval(rules, operator),
    'replies.compose': (input) => {
      const mention = readMention(db, input.mentionId);
      return workflow.composeInfo(mention, input.operator, mentionValues(db, mention, input.operator));
    },
    'replies.suggest': (input) => suggestTemplates(library, db, readMention(db, input.mentionId), input.limit),
    'replies.render': (input) => renderForMention(library, db, readMention(db, input.mentionId), input),
    'replies.saveDraft': (input) => workflow.saveDraft(input),
    'replies.discard': (input) => ({ discarded: workflow.discard(input.id, input.operator) }),
    'replies.send': (input) => workflow.send(input),
    'replies.review': (input) => workflow.review(input),
    'replies.retry': (input) => workflow.retry(input.id, input.operator),
    'replies.markSent': (input) => workflow.markSent(input.id, input.operator, input.externalUrl),
    'replies.get': (input) => workflow.get(input.id),
    'replies.forMention': (input) => workflow.forMention(input.mentionId),
    'replies.list': (input) => workflow.list(input),
    'replies.audit': (input) => workflow.audit(input),
    'replies.kpis': (input) => responseKpis(db, input),
  };
}
