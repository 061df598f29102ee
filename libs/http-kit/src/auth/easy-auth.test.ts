import { describe, expect, it } from 'vitest';
import * as z from 'zod';

import { defineRoute } from '../route/define-route.js';
import { invokeRoute } from '../testing/invoke-route.js';
import { easyAuth } from './easy-auth.js';
import { encodeClientPrincipal } from './read-easyauth-principal.js';

const admin = defineRoute({
  name: 'admin',
  methods: ['GET'],
  route: 'admin',
  authLevel: 'anonymous',
  context: { principal: easyAuth({ anyRole: ['admin'] }) },
  responses: { 200: { description: 'Roles', schema: z.object({ roles: z.array(z.string()) }) } },
  handler: (_input, { requestContext }) => ({
    status: 200,
    body: { roles: [...requestContext.principal.roles] },
  }),
});

const principal = (roles: string[]): string =>
  encodeClientPrincipal({
    auth_typ: 'aad',
    role_typ: 'roles',
    claims: roles.map((val) => ({ typ: 'roles', val })),
  });

describe('easyAuth', () => {
  it('hands the handler the principal when it has the role', async () => {
    const response = await invokeRoute(admin, {
      headers: { 'x-ms-client-principal': principal(['admin']) },
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ roles: ['admin'] });
  });

  it('answers a missing principal with a 401 problem and no bearer challenge', async () => {
    const response = await invokeRoute(admin);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBeNull();
  });

  it('answers a principal without the role with a 403 problem', async () => {
    const response = await invokeRoute(admin, {
      headers: { 'x-ms-client-principal': principal(['reader']) },
    });
    expect(response.status).toBe(403);
    expect(response.json()).toMatchObject({
      detail: 'This operation needs one of the roles: admin.',
    });
  });

  it('never writes the principal header to a log line', async () => {
    const header = principal(['reader']);
    const response = await invokeRoute(admin, { headers: { 'x-ms-client-principal': header } });
    expect(response.logs.length).toBeGreaterThan(0);
    for (const { message } of response.logs) expect(message).not.toContain(header);
  });
});
