/** Where a command writes: stdout for results, stderr for progress and errors. Tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Resolves when the command should stop (Ctrl-C); `serve` waits on it. */
  interrupted: Promise<void>;
}

export function processIo(): Io {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    interrupted: new Promise((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    }),
  };
}
