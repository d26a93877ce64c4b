import { writeFile } from 'node:fs/promises';

/**
 * Everything the gs1 commands touch outside the library: streams, the file system, the clock and the
 * exit status. Injected so the command specs run in-process without a child process or real files.
 */
export interface Gs1CommandIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
  readonly writeFile: (path: string, data: string | Uint8Array) => Promise<void>;
  /** Only the year is used: two-digit GS1 years are resolved against it. */
  readonly now: () => Date;
  readonly setExitCode: (code: number) => void;
}

export const processIo: Gs1CommandIo = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  writeFile: (path, data) => writeFile(path, data),
  now: () => new Date(),
  setExitCode: (code) => {
    process.exitCode = code;
  },
};
