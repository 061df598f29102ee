import { parseArgs } from 'node:util';

import { encodeClientPrincipal } from '@cookbook/http-kit/auth';

// Dev only: prints an X-MS-CLIENT-PRINCIPAL value like the one App Service Authentication injects.
const USAGE =
  'Usage: tsx scripts/encode-principal.ts [--id <user-id>] [--name <name>] [--role <role>]... [--claim typ=val]...\n';

const ROLE = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role';
const NAME = 'name';
const NAME_ID = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier';

try {
  const { values } = parseArgs({
    options: {
      id: { type: 'string', default: '00000000-0000-0000-0000-00000000a11c' },
      name: { type: 'string', default: 'Alice' },
      role: { type: 'string', multiple: true, default: [] },
      claim: { type: 'string', multiple: true, default: [] },
    },
    strict: true,
  });
  const extra = values.claim.map((pair) => {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`--claim expects typ=val, got "${pair}"`);
    return { typ: pair.slice(0, at), val: pair.slice(at + 1) };
  });
  const header = encodeClientPrincipal({
    auth_typ: 'aad',
    name_typ: NAME,
    role_typ: ROLE,
    claims: [
      { typ: NAME_ID, val: values.id },
      { typ: NAME, val: values.name },
      ...values.role.map((val) => ({ typ: ROLE, val })),
      ...extra,
    ],
  });
  process.stdout.write(`${header}\n`);
} catch (error) {
  process.stderr.write(`encode-principal: ${(error as Error).message}\n${USAGE}`);
  process.exitCode = 2;
}
