import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Azurite's documented development account; the same one `nx serve` points the host at.
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
// Azurite exits when its stdin closes, i.e. when the test process dies, even by SIGKILL.
const EXIT_WITH_PARENT =
  "data:text/javascript,process.stdin.on('end',()=>process.exit(0)).on('error',()=>{}).resume()";

export interface RunningAzurite {
  /** An `AzureWebJobsStorage` connection string for the emulator's table service. */
  readonly connectionString: string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts Azurite's table service for a test file: loopback, a free port, in memory, run from a
 * temp folder (never the source tree), no telemetry or logs. Tests talk to it like to Azure.
 */
export async function startAzurite(): Promise<RunningAzurite> {
  const main = createRequire(import.meta.url).resolve('azurite/dist/src/table/main.js');
  const cwd = mkdtempSync(join(tmpdir(), 'webhook-github-azurite-'));
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...['--import', EXIT_WITH_PARENT],
      main,
      ...['--tableHost', '127.0.0.1', '--tablePort', String(port)],
      ...['--inMemoryPersistence', '--skipApiVersionCheck', '--disableTelemetry', '--silent'],
    ],
    { cwd, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(cwd, { recursive: true, force: true });
  };
  let output = '';
  const started = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('successfully started')) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    void exited.then(() => reject(new Error(`Azurite exited before it listened: ${output}`)));
  });
  try {
    await started;
  } catch (error) {
    await close();
    throw error;
  }
  return {
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
      `TableEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`,
    close,
  };
}
