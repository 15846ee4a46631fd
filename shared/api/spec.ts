import { z } from 'zod';

/** One method of the API: its kind, its input and output schemas, and a line for people. */
export interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  kind: 'query' | 'command';
  input: I;
  output: O;
  summary: string;
}

/** A method that only reads. */
export function query<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  summary: string,
): MethodSpec<I, O> {
  return { kind: 'query', input, output, summary };
}

/** A method that changes the workspace. */
export function command<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  summary: string,
): MethodSpec<I, O> {
  return { kind: 'command', input, output, summary };
}

export const Empty = z.object({}).strict();
