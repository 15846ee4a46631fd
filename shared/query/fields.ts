import { CHANNELS, MENTION_STATUSES, SENTIMENT_LABELS } from '../domain/values';
import type { Comparison, DateField, DateNode, FieldNode, ReachNode, TextField } from './ast';
import { parseQueryDate } from './dates';

export type FieldName = TextField | DateField | 'reach';

/** Field names as typed (lower-cased) → canonical name. Dutch names are accepted; printing uses English. */
const FIELD_ALIASES: Record<string, FieldName> = {
  channel: 'channel',
  kanaal: 'channel',
  lang: 'lang',
  taal: 'lang',
  sentiment: 'sentiment',
  status: 'status',
  author: 'author',
  auteur: 'author',
  assignee: 'assignee',
  toegewezen: 'assignee',
  topic: 'topic',
  onderwerp: 'topic',
  after: 'after',
  na: 'after',
  before: 'before',
  voor: 'before',
  reach: 'reach',
  bereik: 'reach',
};

export const FIELD_NAMES: readonly FieldName[] = [
  'channel',
  'lang',
  'sentiment',
  'author',
  'status',
  'assignee',
  'topic',
  'after',
  'before',
  'reach',
];

const identity = (values: readonly string[]): Record<string, string> => Object.fromEntries(values.map((v) => [v, v]));

/** Fields with a closed set of values: typed value (lower-cased) → canonical value. */
const ENUM_VALUES: Partial<Record<TextField, Record<string, string>>> = {
  channel: { ...identity(CHANNELS), twitter: 'x' },
  lang: { nl: 'nl', en: 'en', other: 'other', overig: 'other' },
  sentiment: { ...identity(SENTIMENT_LABELS), positief: 'positive', neutraal: 'neutral', negatief: 'negative' },
  status: {
    ...identity(MENTION_STATUSES),
    nieuw: 'new',
    wachtend: 'waiting',
    opgelost: 'resolved',
    gearchiveerd: 'archived',
  },
};

const CANONICAL_LISTS: Partial<Record<TextField, readonly string[]>> = {
  channel: CHANNELS,
  lang: ['nl', 'en', 'other'],
  sentiment: SENTIMENT_LABELS,
  status: MENTION_STATUSES,
};

export function fieldFor(typedName: string): FieldName | undefined {
  return Object.hasOwn(FIELD_ALIASES, typedName.toLowerCase()) ? FIELD_ALIASES[typedName.toLowerCase()] : undefined;
}

export type FieldValue = { ok: true; node: FieldNode | DateNode | ReachNode } | { ok: false; detail: string };

const REACH = /^(>=|<=|>|<|=)?(\d{1,15})$/;

/** Checks a field's value and turns it into its node; `typed` is the field name as the operator wrote it. */
export function readFieldValue(field: FieldName, typed: string, value: string): FieldValue {
  if (field === 'reach') {
    const m = REACH.exec(value);
    if (!m) return { ok: false, detail: `expected a number after ${typed}:, as in reach:>1000 (not '${value}')` };
    return { ok: true, node: { kind: 'reach', op: (m[1] ?? '=') as Comparison, value: Number(m[2]) } };
  }
  if (field === 'after' || field === 'before') {
    if (parseQueryDate(value) === null) {
      return { ok: false, detail: `'${value}' is not a date; expected yyyy-mm-dd, as in ${typed}:2026-01-01` };
    }
    return { ok: true, node: { kind: 'date', field, value } };
  }
  const known = ENUM_VALUES[field];
  if (!known) return { ok: true, node: { kind: 'field', field, value } };
  const canonical = Object.hasOwn(known, value.toLowerCase()) ? known[value.toLowerCase()] : undefined;
  if (canonical === undefined) {
    const list = (CANONICAL_LISTS[field] ?? []).join(', ');
    return { ok: false, detail: `'${value}' is not a ${fieldNoun(field)}; expected one of ${list}` };
  }
  return { ok: true, node: { kind: 'field', field, value: canonical } };
}

function fieldNoun(field: TextField): string {
  return field === 'lang' ? 'language' : field;
}
