import type { EventPayload, JobInfo } from '../../../shared/api/events';
import type { inboxMethods } from '../../../shared/api/inbox';
import type { Handlers } from '../dispatcher';
import type { Engine } from '../engine';
import { MentionReader } from '../mentions/read';
import { MentionSurroundings } from './context';
import { filterCounts } from './counts';
import { inboxSettings, saveInboxSettings } from './mediaSetting';
import { Operators } from './operators';
import { orderedIds } from './order';
import { Presence } from './presence';
import { SavedViews } from './views';
import { Workflow } from './workflow';

/** How often presence entries whose heartbeat stopped are swept out (and the change broadcast). */
const PRESENCE_SWEEP_MS = 5_000;

/** Jobs that change no existing mention (an import only adds newer ones, outside every list's snapshot). */
const LIST_KEEPING_JOBS: ReadonlySet<string> = new Set(['import', 'report', 'rollups']);

/** The engine's side of shared/api/inbox.ts. */
export function inboxHandlers(engine: Engine): Pick<Handlers, keyof typeof inboxMethods> {
  const { db, events } = engine;
  const reader = new MentionReader(db);
  const workflow = new Workflow(db, events);
  const surroundings = new MentionSurroundings(db, reader);
  const views = new SavedViews(db, events);
  const operators = new Operators(db);
  const presence = new Presence(events);
  setInterval(() => presence.sweep(), PRESENCE_SWEEP_MS).unref();
  // Counted totals hold while only new mentions arrive; a change to existing ones (workflow, sentiment,
  // a topic re-tag, a rescore) makes every figure count again.
  events.subscribe((event) => {
    if (event.name === 'mentions.changed' || event.name === 'topics.changed' || event.name === 'job.finished') {
      filterCounts(db).clear();
      views.forgetCounts();
    }
    // The inbox's ordered lists take workflow changes in place; other changes to existing mentions drop them.
    if (event.name === 'mentions.changed') {
      orderedIds(db).changed((event.payload as EventPayload<'mentions.changed'>).ids);
    } else if (event.name === 'topics.changed') orderedIds(db).clear();
    else if (event.name === 'job.finished' && !LIST_KEEPING_JOBS.has((event.payload as JobInfo).kind)) {
      orderedIds(db).clear();
    }
  });
  return {
    'inbox.count': (input) => reader.count(input.filter, input.operator),
    'inbox.setStatus': (input) => workflow.setStatus(input.operator, input.mentions, input.force, input.status),
    'inbox.assign': (input) => workflow.assign(input.operator, input.mentions, input.force, input.assignee),
    'inbox.tag': (input) => workflow.tag(input.operator, input.mentions, input.force, input.add, input.remove),
    'inbox.undo': (input) => workflow.undoChange(input.operator, input.token, input.ids),
    'inbox.context': (input) => surroundings.context(input.id),
    'inbox.tags': () =>
      db
        .prepare<[], { tag: string; mentions: number }>(
          'SELECT tag, count(*) AS mentions FROM mention_tags GROUP BY tag ORDER BY mentions DESC, tag',
        )
        .all(),
    'inbox.notes.add': (input) => surroundings.addNote(input.operator, input.mentionId, input.text),
    'inbox.notes.edit': (input) => surroundings.editNote(input.operator, input.id, input.text),
    'inbox.notes.delete': (input) => surroundings.deleteNote(input.operator, input.id),
    'inbox.views': (input) => views.list(input.operator),
    'inbox.views.save': (input) => views.save(input),
    'inbox.views.delete': (input) => views.delete(input.operator, input.id),
    'inbox.settings': () => inboxSettings(db),
    'inbox.settings.save': (input) => saveInboxSettings(db, input.operator, input),
    'inbox.operators.list': () => operators.list(),
    'inbox.operators.save': (input) => operators.save(input),
    'inbox.operators.delete': (input) => operators.delete(input.id, input.operator),
    'inbox.presence': (input) => presence.beat(input.clientId, input.operator, input.mentionId, input.activity),
    'inbox.presence.list': () => presence.list(),
  };
}
