import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

// Prints the X-Hub-Signature-256 value GitHub would send for a payload file:
//   npx tsx scripts/sign-payload.ts samples/push.json [secret]
// The secret defaults to GITHUB_WEBHOOK_SECRET, then to the dev secret `nx serve` configures.
// Trailing newlines are not signed: `-d "$(cat file)"` drops them, and GitHub's bodies have none.
const [file, secretArgument] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: sign-payload.ts <payload-file | -> [secret]\n');
  process.exit(2);
}
const packageJson = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as {
  cookbook: { local: { env: Record<string, string> } };
};
const secret =
  secretArgument ??
  process.env['GITHUB_WEBHOOK_SECRET'] ??
  packageJson.cookbook.local.env['GITHUB_WEBHOOK_SECRET'] ??
  '';
const bytes = readFileSync(file === '-' ? 0 : file);
let end = bytes.length;
while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end -= 1;
const body = bytes.subarray(0, end);
// the same HMAC as src/github-signature.ts signPayload; no workspace import, so plain `npx tsx` runs it
process.stdout.write(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}\n`);
