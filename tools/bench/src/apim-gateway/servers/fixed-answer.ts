import { createServer } from 'node:http';

import { announce, answerCpuCommands } from './server-protocol.js';

// The floor: node:http answering every request with a fixed item-sized JSON body, no work at all.
// What a cache HIT can at best cost in any Node gateway.
const body = Buffer.from(JSON.stringify({ item_id: '42', filler: 'x'.repeat(400) }));
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'x-apim-cache': 'HIT' });
  res.end(body);
});

answerCpuCommands();
await announce(
  () =>
    new Promise((resolve) => {
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
      });
    }),
);
process.on('disconnect', () => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
});
