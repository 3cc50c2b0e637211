import type { Readable } from 'node:stream';

/** Calls `onLine` for each complete line the stream produces (and the unterminated last one at its end). */
export function forEachLine(stream: Readable | null | undefined, onLine: (line: string) => void): void {
  if (!stream) return;
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? '';
    for (const part of parts) onLine(part.replace(/\r$/, ''));
  });
  stream.on('end', () => {
    if (pending) onLine(pending);
    pending = '';
  });
}

/** The last few lines of a process's output, kept so a failure message can show them. */
export class LastLines {
  private readonly lines: string[] = [];

  constructor(private readonly limit = 15) {}

  push(line: string): void {
    if (!line.trim()) return;
    this.lines.push(line);
    if (this.lines.length > this.limit) this.lines.shift();
  }

  /** The kept lines, indented for an error message, or `(no output)`. */
  format(indent = '  '): string {
    return this.lines.length ? this.lines.map((line) => indent + line).join('\n') : `${indent}(no output)`;
  }
}
