import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// Ceiling: plain node:http returning the same body.
const body = Buffer.from('Hello, World!');
const server = createServer((_req, res) => {
  res.writeHead(200, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': body.length,
  });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
