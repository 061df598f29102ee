import { dirname } from 'node:path';

import { startGateway } from '@cookbook/apim-gateway';

import { BENCH_HOST_KEY, RECIPE_GATEWAY_CONFIG } from '../settings.js';
import { benchGatewayConfig } from './gateway-config.js';
import { announce, answerCpuCommands } from './server-protocol.js';

const backendUrl = process.argv[2] ?? '';
answerCpuCommands();
await announce(async () => {
  const gateway = await startGateway({
    config: await benchGatewayConfig(),
    baseDir: dirname(RECIPE_GATEWAY_CONFIG),
    port: 0,
    env: { FUNCTIONS_HOST_KEY: BENCH_HOST_KEY },
    overrides: { backends: { 'catalog-function-backend': `${backendUrl}/api` } },
  });
  process.on('disconnect', () => void gateway.close().then(() => process.exit(0)));
  return gateway.url;
});
