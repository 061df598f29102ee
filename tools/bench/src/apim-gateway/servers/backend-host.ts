import { createLocalHost, startHostServer } from '@cookbook/functions-host';

import { BENCH_HOST_KEY, RECIPE_DIR } from '../settings.js';
import { announce } from './server-protocol.js';

// The recipe's built bundle on the local host, keys enforced like Azure; shared by every variant.
await announce(async () => {
  const host = await createLocalHost(RECIPE_DIR, {
    auth: true,
    keys: { host: { default: BENCH_HOST_KEY } },
    log: () => undefined,
  });
  const server = await startHostServer(host, { port: 0, hostname: '127.0.0.1' });
  process.on('disconnect', () => {
    void server
      .close()
      .then(() => host.close())
      .finally(() => process.exit(0));
  });
  return server.url;
});
