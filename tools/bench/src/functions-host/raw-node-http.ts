import { createServer, type Server } from 'node:http';

const body = Buffer.from('Hello, World!');

/** The ceiling: plain node:http returning the same body. */
export function createRawServer(): Server {
  return createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': body.length,
    });
    res.end(body);
  });
}
