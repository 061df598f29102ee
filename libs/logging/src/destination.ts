import { type DestinationStream, symbols } from 'pino';

import { getLogSink } from './log-context.js';
import type { LogFormat } from './log-format.js';
import { levelFromNumber, type LogLevel } from './log-level.js';
import { createPrettyFormatter } from './pretty.js';

/** Receives finished JSON lines (no trailing newline) instead of the sink or stdout. */
export type LineCapture = (level: LogLevel, line: string) => void;

/** Writes one finished line (no newline) at a pino level number, without pino's metadata. */
export type WriteLine = (levelNumber: number, line: string) => void;
/** The destination's direct entry, used by the logger's fast path for plain lines. */
export const WRITE_LINE: unique symbol = Symbol('@cookbook/logging.writeLine');

/** Options for {@link createDestination}. */
export type DestinationOptions = {
  format: LogFormat;
  /** Where lines go outside an invocation (default `process.stdout`). */
  stdout?: { write(text: string): unknown; isTTY?: boolean };
  /** Colour pretty lines written to stdout (default: stdout is a TTY and NO_COLOR is unset). */
  colorize?: boolean;
};

// global, so a test also captures a bundled copy of this library running in the same process
const CAPTURE = Symbol.for('@cookbook/logging.capture');
const captureHolder = globalThis as { [CAPTURE]?: LineCapture };

/** Sends every routed line to `target` until the returned function is called (tests only). */
export function setLineCapture(target: LineCapture): () => void {
  const previous = captureHolder[CAPTURE];
  captureHolder[CAPTURE] = target;
  return () => {
    captureHolder[CAPTURE] = previous;
  };
}

/**
 * The one place that decides where log lines go.
 *
 * Inside an invocation the line goes to the scope's sink, which http-kit points at
 * `context.info/warn/error`: the Functions worker tags those with the invocation id, so
 * Application Insights correlates them. stdout is not correlated on Azure
 * (Azure/Azure-Functions#1396), so it is used only outside an invocation.
 */
export function createDestination(options: DestinationOptions): DestinationStream {
  const stdout = options.stdout ?? process.stdout;
  const colorize = options.colorize ?? (Boolean(stdout.isTTY) && !('NO_COLOR' in process.env));
  const pretty = options.format === 'pretty';
  const forStdout = pretty ? createPrettyFormatter({ colorize }) : undefined;
  const forSink = pretty ? createPrettyFormatter({ colorize: false }) : undefined;
  const writeLine: WriteLine = (levelNumber, line) => {
    const level = levelFromNumber(levelNumber);
    const capture = captureHolder[CAPTURE];
    if (capture) {
      capture(level, line);
      return;
    }
    const sink = getLogSink();
    if (sink) {
      try {
        sink(level, forSink ? forSink(line) : line);
        return;
      } catch {
        // a sink that throws (e.g. a finished invocation) must not lose the line
      }
    }
    stdout.write(`${forStdout ? forStdout(line) : line}\n`);
  };
  const stream = {
    [symbols.needsMetadataGsym]: true as const,
    [WRITE_LINE]: writeLine,
    lastLevel: 30,
    lastTime: '',
    lastMsg: '',
    lastObj: {},
    write(chunk: string): void {
      writeLine(stream.lastLevel, chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk);
    },
  };
  return stream;
}
