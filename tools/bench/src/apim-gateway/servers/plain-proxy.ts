import { Agent, createServer, type IncomingHttpHeaders, request } from 'node:http';

import { BENCH_HOST_KEY } from '../settings.js';
import { announce, answerCpuCommands } from './server-protocol.js';

// The baseline: a plain node:http reverse proxy, no dependencies, streaming both ways. It adds the
// host key (as the gateway's backend credentials do) and drops hop-by-hop headers.
const backend = new URL(process.argv[2] ?? '');
const agent = new Agent({ keepAlive: true });
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

function forwardable(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name)) out[name] = value;
  }
  return out;
}

const server = createServer((req, res) => {
  const upstream = request(
    {
      host: backend.hostname,
      port: backend.port,
      method: req.method,
      path: req.url,
      headers: {
        ...forwardable(req.headers),
        host: backend.host,
        'x-functions-key': BENCH_HOST_KEY,
      },
      agent,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, forwardable(answer.headers));
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(upstream);
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
  agent.destroy();
  process.exit(0);
});
