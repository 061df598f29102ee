import { posix } from 'node:path';

import { mapProseChunks } from './markdown-blocks.js';
import { type PathKind, type Repository, repositoryUrl } from './repository.js';

/** What a README's relative links are resolved against. */
export interface LinkContext {
  /** Workspace-relative path of the markdown file, e.g. `apps/hello/README.md`. */
  source: string;
  /** The site page (srcDir-relative `.md`) generated from a workspace file, if any. */
  pageFor: (path: string) => string | undefined;
  pathKind: (path: string) => PathKind;
  repository: Repository;
}

/** Thrown with every link of a README that points at nothing. */
export class BrokenLinkError extends Error {
  override name = 'BrokenLinkError';
}

// [text](target "title") and ![alt](src); text may hold one level of brackets and code spans.
const INLINE_LINK =
  /(!?)\[((?:[^[\]`]|`[^`]*`|\[[^\]]*\])*)\]\(\s*(<[^>]*>|[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)(\s+"[^"]*")?\s*\)/g;
const REFERENCE_DEFINITION = /^( {0,3}\[[^\]]+\]:\s*)(<[^>]*>|\S+)(.*)$/;
const CODE_SPAN = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
// Code spans that name a path, e.g. `src/main.ts`, `apim/` or `host.json`.
const PATH_LIKE = /^(?:\.{1,2}\/)?[\w@.-]+(?:\/[\w@.-]+)*\/?$/;

/**
 * README links that work on the site: a link to a README the site renders becomes that page, any
 * other workspace path becomes its repository URL, and code spans naming a file link to it.
 */
export function rewriteLinks(markdown: string, context: LinkContext): string {
  const broken: string[] = [];
  const rewritten = mapProseChunks(markdown, (chunk, isHeading) => {
    const definitions = chunk
      .split('\n')
      .map((line) => {
        const definition = REFERENCE_DEFINITION.exec(line);
        return definition
          ? `${definition[1]}${resolveTarget(definition[2] ?? '', context, broken)}${definition[3]}`
          : line;
      })
      .join('\n');
    return rewriteInline(definitions, isHeading, context, broken);
  });
  if (broken.length > 0) {
    throw new BrokenLinkError(
      `${context.source} links to paths that are not in the repository: ${broken.join(', ')}`,
    );
  }
  return rewritten;
}

function rewriteInline(
  text: string,
  isHeading: boolean,
  context: LinkContext,
  broken: string[],
): string {
  const autolink = (part: string): string => (isHeading ? part : autolinkCode(part, context));
  const codeSpans = ranges(text, CODE_SPAN);
  const links = ranges(text, INLINE_LINK).filter(
    ([start]) => !codeSpans.some(([from, to]) => start >= from && start < to),
  );
  let out = '';
  let at = 0;
  for (const [start, end] of links) {
    out += autolink(text.slice(at, start));
    const match = new RegExp(INLINE_LINK.source).exec(text.slice(start, end));
    const [, bang = '', label = '', rawTarget = '', title = ''] = match ?? [];
    const target = resolveTarget(rawTarget, context, broken);
    // Images from another origin would break "no request leaves the site": link to them instead.
    out +=
      bang && EXTERNAL.test(target)
        ? `[${label || target}](${target})`
        : `${bang}[${label}](${target}${title})`;
    at = end;
  }
  return out + autolink(text.slice(at));
}

function ranges(line: string, pattern: RegExp): [number, number][] {
  return [...line.matchAll(new RegExp(pattern.source, 'g'))].map((match) => [
    match.index,
    match.index + match[0].length,
  ]);
}

/** The target a link should have on the site. */
function resolveTarget(raw: string, context: LinkContext, broken: string[]): string {
  const target = raw.startsWith('<') ? raw.slice(1, -1) : raw;
  if (target === '' || target.startsWith('#') || EXTERNAL.test(target)) return raw;
  const hashAt = target.indexOf('#');
  const pathPart = hashAt === -1 ? target : target.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : target.slice(hashAt);
  const path = workspacePath(context.source, decodeURI(pathPart));
  const kind = path === undefined ? undefined : context.pathKind(path);
  if (path === undefined || kind === undefined) {
    broken.push(target);
    return raw;
  }
  return siteTarget(path, kind, context) + hash;
}

/** The page generated from a path (a folder counts as its README), else its repository URL. */
function siteTarget(path: string, kind: 'file' | 'dir', context: LinkContext): string {
  const page =
    context.pageFor(path) ?? (kind === 'dir' ? context.pageFor(`${path}/README.md`) : undefined);
  return page ? `/${page}` : repositoryUrl(context.repository, path, kind);
}

/** Workspace-relative path of a link target, or undefined when it leaves the workspace. */
function workspacePath(source: string, target: string): string | undefined {
  const joined = target.startsWith('/')
    ? posix.normalize(target.slice(1))
    : posix.normalize(posix.join(posix.dirname(source), target));
  const path = joined.replace(/\/+$/, '');
  if (path === '..' || path.startsWith('../')) return undefined;
  return path === '.' ? '' : path;
}

/** Code spans outside links that name an existing file or folder become links to it. */
function autolinkCode(text: string, context: LinkContext): string {
  return text.replace(
    new RegExp(CODE_SPAN.source, 'g'),
    (span: string, _ticks: string, code: string) => {
      const candidate = code.trim();
      if (!PATH_LIKE.test(candidate) || !/[/.]/.test(candidate) || /^\.+\/?$/.test(candidate))
        return span;
      for (const base of [context.source, 'README.md']) {
        const path = workspacePath(base, candidate);
        const kind = path === undefined || path === '' ? undefined : context.pathKind(path);
        if (path === undefined || kind === undefined) continue;
        return `[${span}](${siteTarget(path, kind, context)})`;
      }
      return span;
    },
  );
}
