import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

import type { PrettyOptions } from 'pino-pretty';

import { peekLogContext } from './log-context.js';
import type { LogLevel } from './log-level.js';

/** The .NET level names the Functions host and Application Insights use. */
export const DOTNET_LEVEL_NAMES: Readonly<Record<LogLevel, string>> = {
  trace: 'Trace',
  debug: 'Debug',
  info: 'Information',
  warn: 'Warning',
  error: 'Error',
  fatal: 'Critical',
};

const WELL_KNOWN_CONTEXT_KEYS = ['invocationId', 'functionName', 'correlationId', 'traceId'];
const LINE_KEYS = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'err']);

type Colors = {
  gray(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  bgRed(text: string): string;
};
type PrettyFactory = (options: PrettyOptions) => (input: string) => string;

/** Options for {@link createPrettyFormatter}. */
export type PrettyFormatterOptions = { colorize: boolean };

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

// a message must not break the line or smuggle terminal escape sequences
function escapeControls(text: string): string {
  let result = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    result += isControl(code)
      ? (SHORT_ESCAPES[char] ?? `\\u${code.toString(16).padStart(4, '0')}`)
      : char;
  }
  return result;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string' && /^[^\s"=]+$/.test(value) && escapeControls(value) === value) {
    return value;
  }
  if (typeof value === 'string' || (typeof value === 'object' && value !== null)) {
    return escapeControls(JSON.stringify(value));
  }
  return String(value);
}

function colourLevel(level: LogLevel, label: string, colors: Colors): string {
  if (level === 'fatal') return colors.bgRed(label);
  if (level === 'error') return colors.red(label);
  if (level === 'warn') return colors.yellow(label);
  if (level === 'info') return colors.green(label);
  return colors.gray(label);
}

function formatLine(log: Record<string, unknown>, colors: Colors): string {
  const level = (typeof log.level === 'string' ? log.level : 'info') as LogLevel;
  const label = `[${DOTNET_LEVEL_NAMES[level] ?? log.level}]`;
  const context = peekLogContext() ?? {};
  const isContextKey = (key: string): boolean =>
    WELL_KNOWN_CONTEXT_KEYS.includes(key) || (key in context && context[key] === log[key]);
  const own: string[] = [];
  const ids: string[] = [];
  for (const [key, value] of Object.entries(log)) {
    if (LINE_KEYS.has(key) || value === undefined) continue;
    (isContextKey(key) ? ids : own).push(`${key}=${formatValue(value)}`);
  }
  const parts = [colourLevel(level, label, colors)];
  if (typeof log.msg === 'string' && log.msg !== '') parts.push(escapeControls(log.msg));
  parts.push(...own);
  if (ids.length > 0) parts.push(colors.gray(ids.join(' ')));
  const err = log.err as { stack?: unknown; message?: unknown } | undefined;
  const stack = typeof err?.stack === 'string' ? err.stack : err?.message;
  if (typeof stack !== 'string') return parts.join(' ');
  return [parts.join(' '), ...stack.split('\n').map((line) => `    ${escapeControls(line)}`)].join(
    '\n',
  );
}

function loadPrettyFactory(): PrettyFactory | undefined {
  // import.meta.url is empty in a CommonJS bundle; resolve from the app folder then
  const base = import.meta.url || pathToFileURL(`${process.cwd()}/`).href;
  try {
    return (createRequire(base)('pino-pretty') as { prettyFactory: PrettyFactory }).prettyFactory;
  } catch {
    return undefined;
  }
}

/**
 * Turns a JSON line into `[Information] message key=value … ids`, using pino-pretty's
 * synchronous `prettyFactory` (no worker-thread transport, so it survives bundling).
 * pino-pretty is loaded here, on first use, so JSON mode never pays for it.
 */
export function createPrettyFormatter(options: PrettyFormatterOptions): (line: string) => string {
  const factory = loadPrettyFactory();
  if (!factory) {
    process.stderr.write('pino-pretty is not installed; LOG_FORMAT=pretty falls back to JSON.\n');
    return (line) => line;
  }
  const prettify = factory({
    colorize: options.colorize,
    hideObject: true,
    ignore: 'level,time,pid,hostname',
    messageFormat: (log, _messageKey, _levelLabel, { colors }) => formatLine(log, colors),
  });
  return (line) => prettify(line).replace(/\r?\n$/, '');
}
