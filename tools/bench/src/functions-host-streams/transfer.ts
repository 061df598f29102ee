import { request } from 'node:http';

const CHUNK = Buffer.alloc(256 * 1024, 121);

/** POSTs `bytes` as a chunked stream, writing only as fast as the host accepts; returns the reply. */
export function upload(port: number, bytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/sink' }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (part: string) => (text += part));
      res.on('end', () => resolve(`${res.statusCode} ${text}`));
    });
    req.on('error', reject);
    let sent = 0;
    const write = (): void => {
      while (sent < bytes) {
        const size = Math.min(CHUNK.length, bytes - sent);
        sent += size;
        if (!req.write(size === CHUNK.length ? CHUNK : CHUNK.subarray(0, size))) {
          req.once('drain', write);
          return;
        }
      }
      req.end();
    };
    write();
  });
}

/** GETs `bytes` from the source, reading as fast as it comes; returns the byte count received. */
export function download(port: number, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'GET', path: `/api/source?bytes=${bytes}` },
      (res) => {
        let received = 0;
        res.on('data', (part: Buffer) => (received += part.length));
        res.on('end', () => resolve(received));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}
