const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of the page: it may load only its own scripts, styles and document. */
export const DOCS_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The Swagger UI page: no inline script, so the CSP can forbid them. */
export function docsPage(title: string, assetBase: string, openApiUrl: string): string {
  const base = escapeHtml(assetBase);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" type="image/png" href="${base}favicon-32x32.png">
<link rel="stylesheet" href="${base}swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-openapi-url="${escapeHtml(openApiUrl)}"></div>
<script src="${base}swagger-ui-bundle.js"></script>
<script src="${base}swagger-initializer.js"></script>
</body>
</html>
`;
}

/** Relative URLs that work whether the page was requested as `/api/docs` or `/api/docs/`. */
export function relativeUrls(
  path: string,
  pageRoute: string,
  openApiRoute: string,
): [string, string] {
  const depth = pageRoute.split('/').length;
  if (path.endsWith('/')) return ['', `${'../'.repeat(depth)}${openApiRoute}`];
  const last = pageRoute.split('/').at(-1) ?? pageRoute;
  return [`${last}/`, `${'../'.repeat(depth - 1)}${openApiRoute}`];
}
