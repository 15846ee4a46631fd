import type { DemoTopicKey } from '../../../resources/demo';
import { DAY_MS, HOUR_MS, amsterdamOffsetMs } from './calendar';

/**
 * Incidents injected into the demo, so alert rules and trend panels have something real to find: the
 * topic's volume jumps and turns negative. Dates are counted back from the end of the period, so with
 * the same `until` they fall on the same hours every time.
 */
export interface DemoIncident {
  id: string;
  /** Which vocabulary people use (resources/demo/incidents.ts). */
  kind: 'brawl' | 'noise' | 'crowding' | 'outage';
  topic: DemoTopicKey;
  /** What happened, as an operator would annotate it. */
  label: string;
  /** The incident starts on the day this many days before the end of the period… */
  daysBeforeEnd: number;
  /** …at this hour on the Dutch clock. */
  localStartHour: number;
  durationHours: number;
  /** The topic's volume during the incident, as a multiple of its usual volume. */
  volumeFactor: number;
  /** Share of the incident's own mentions that are negative. */
  negativeShare: number;
}

export const DEMO_INCIDENTS: readonly DemoIncident[] = [
  {
    id: 'brawl-recent',
    kind: 'brawl',
    topic: 'nightlife',
    label: 'Vechtpartij Kroegstraat',
    daysBeforeEnd: 9,
    localStartHour: 23,
    durationHours: 14,
    volumeFactor: 8,
    negativeShare: 0.85,
  },
  {
    id: 'fibre-outage',
    kind: 'outage',
    topic: 'broadband',
    label: 'Storing glasvezel buitengebied',
    daysBeforeEnd: 33,
    localStartHour: 7,
    durationHours: 16,
    volumeFactor: 7,
    negativeShare: 0.8,
  },
  {
    id: 'noise-nights',
    kind: 'noise',
    topic: 'nightlife',
    label: 'Geluidsoverlast Kroegstraat',
    daysBeforeEnd: 75,
    localStartHour: 0,
    durationHours: 20,
    volumeFactor: 6,
    negativeShare: 0.85,
  },
  {
    id: 'crowding',
    kind: 'crowding',
    topic: 'nightlife',
    label: 'Gevaarlijke drukte Kroegstraat',
    daysBeforeEnd: 160,
    localStartHour: 21,
    durationHours: 12,
    volumeFactor: 10,
    negativeShare: 0.8,
  },
  {
    id: 'brawl-earlier',
    kind: 'brawl',
    topic: 'nightlife',
    label: 'Vechtpartij Kroegstraat',
    daysBeforeEnd: 290,
    localStartHour: 23,
    durationHours: 10,
    volumeFactor: 7,
    negativeShare: 0.85,
  },
  {
    id: 'noise-last-year',
    kind: 'noise',
    topic: 'nightlife',
    label: 'Geluidsoverlast Kroegstraat',
    daysBeforeEnd: 540,
    localStartHour: 0,
    durationHours: 18,
    volumeFactor: 6,
    negativeShare: 0.85,
  },
];

export interface IncidentWindow {
  incident: DemoIncident;
  /** Milliseconds since the epoch, UTC; `end` is exclusive. */
  start: number;
  end: number;
}

/** The incidents that fall inside the period [until − years, until], with their exact times. */
export function incidentWindows(until: number, years: number): IncidentWindow[] {
  const periodStart = until - years * 365.25 * DAY_MS;
  const windows: IncidentWindow[] = [];
  for (const incident of DEMO_INCIDENTS) {
    const day = until - incident.daysBeforeEnd * DAY_MS;
    const localMidnight = Math.floor((day + amsterdamOffsetMs(day)) / DAY_MS) * DAY_MS;
    const start = localMidnight + incident.localStartHour * HOUR_MS - amsterdamOffsetMs(localMidnight);
    const end = start + incident.durationHours * HOUR_MS;
    if (start >= periodStart && end <= until) windows.push({ incident, start, end });
  }
  return windows.sort((a, b) => a.start - b.start);
}
