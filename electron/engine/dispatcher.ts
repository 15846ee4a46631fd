import type { z } from 'zod';
import {
  contract,
  isMethodName,
  type MethodName,
  type MethodOutput,
  type MethodParsedInput,
} from '../../shared/api/contract';
import { fail, ok, WatchpostError, type Result } from '../../shared/api/result';

export type Handler<M extends MethodName> = (input: MethodParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

/** Slow calls are logged, so a query that outgrows its budget is noticed before a user does. */
const SLOW_CALL_MS = 100;

/**
 * The one entry point of the engine: validate input → run the handler → validate output →
 * `{ ok: true, value } | { ok: false, error: { code, message } }`. Never throws.
 */
export function createDispatcher(handlers: Handlers, log: (line: string) => void = () => {}): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return fail('unknown_method', `there is no method "${method}"`);
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return fail('invalid_input', `${method}: ${describeIssues(parsed.error)}`);
    }
    const started = performance.now();
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      const checked = (spec.output as z.ZodType).safeParse(value);
      if (!checked.success) {
        return fail(
          'internal',
          `${method} produced an answer that breaks the contract: ${describeIssues(checked.error)}`,
        );
      }
      return ok(checked.data);
    } catch (err) {
      if (err instanceof WatchpostError) return fail(err.code, err.message);
      log(`${method} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fail('internal', `${method} failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      const elapsed = performance.now() - started;
      if (elapsed > SLOW_CALL_MS) log(`slow call: ${method} took ${elapsed.toFixed(0)} ms`);
    }
  };
}

/** "limit: Too big: expected number to be <=500; filter.status.0: Invalid option" */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length ? issue.path.map(String).join('.') : 'input';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

export type { MethodName };
