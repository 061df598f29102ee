import { createLocalHost, startHostServer } from '@cookbook/functions-host';

import { BENCH_HOST_KEY, RECIPE_DIR } from '../settings.js';
import { announce, answerCpuCommands } from './server-protocol.js';

// The recipe's built bundle on the local host, keys enforced like Azure; shared by every variant.
// It answers CPU reads too: a MISS costs this process as well as the gateway, a HIT only the gateway.
answerCpuCommands();
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
