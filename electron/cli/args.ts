import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how the command was called, or in what it was given: one sentence, exit code 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict parsing: an unknown flag or a missing value is an error that names the flag and the command. */
export function parseCommandArgs<O extends Options>(
  command: string,
  argv: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (err) {
    const message = (err as Error).message.split('\n')[0]?.replace(/\.$/, '') ?? String(err);
    throw new CliError(`${command}: ${lowerFirst(message)} (see: watchpost ${command} --help)`);
  }
}

export function integerOption(
  command: string,
  name: string,
  value: string | undefined,
  min: number,
  fallback?: number,
): number {
  if (value === undefined) {
    if (fallback === undefined)
      throw new CliError(`${command}: --${name} is required (see: watchpost ${command} --help)`);
    return fallback;
  }
  const number = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(number) || number < min) {
    throw new CliError(`${command}: --${name} must be a whole number of at least ${min}, not '${value}'`);
  }
  return number;
}

export function numberOption(
  command: string,
  name: string,
  value: string | undefined,
  min: number,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < min) {
    throw new CliError(`${command}: --${name} must be a number of at least ${min}, not '${value}'`);
  }
  return number;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
