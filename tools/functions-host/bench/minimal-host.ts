import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type {
  CoreInvocationContext,
  FunctionCallback,
  FunctionMetadata,
  ProgrammingModel,
} from '../src/core/core-types.js';
import { loadMinimalApp } from './load-minimal-app.js';

// Baseline: only the library's invocation model; no routing, keys, hooks, encoding fidelity or logs.
const { model, metadata, callback } = await loadMinimalApp(process.argv[2] ?? '');
const bindingName = Object.keys(metadata.bindings).find((name) => name !== '$return') ?? 'req';

const server = createServer((req, res) => {
  const coreCtx: CoreInvocationContext = {
    invocationId: 'bench',
    metadata,
    request: {
      invocationId: 'bench',
      inputData: [
        {
          name: bindingName,
          data: {
            http: {
              method: req.method ?? 'GET',
              url: `http://${req.headers.host}${req.url}`,
              headers: {},
            },
          },
        },
      ],
    },
    log: () => undefined,
  };
  void invoke(model, coreCtx, callback).then((body) => {
    res.writeHead(200, {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': body.length,
    });
    res.end(body);
  });
});

async function invoke(
  m: ProgrammingModel,
  ctx: CoreInvocationContext,
  cb: FunctionCallback,
): Promise<Buffer> {
  const invocation = await m.getInvocationModel(ctx);
  const { context, inputs } = await invocation.getArguments();
  const result = await invocation.invokeFunction(context, inputs, cb);
  const response = await invocation.getResponse(context, result);
  return Buffer.from(response.returnValue?.http?.body?.bytes ?? new Uint8Array());
}

server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});

export type { FunctionMetadata };
