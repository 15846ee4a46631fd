import { expect } from 'vitest';
import { foreignRequests, type Session } from './browser';

/** What must hold after any test: no console error, no uncaught error, no traffic beyond 127.0.0.1. */
export function expectClean(session: Session): void {
  expect(session.pageErrors, 'uncaught errors in the page').toEqual([]);
  expect(session.consoleErrors, 'console errors').toEqual([]);
  expect(foreignRequests(session.requests), 'requests to other hosts').toEqual([]);
}
