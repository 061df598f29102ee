import type { LocalHost } from '@cookbook/functions-host';

export {
  bundleApp,
  createLocalHost,
  type HostLogSink,
  type LocalHost,
  startHostServer,
} from '@cookbook/functions-host';

/** A request as the host receives it, before Functions encoding. */
export type HostRequest = Parameters<LocalHost['handle']>[0];

/** The host's answer: status, header lines and body bytes. */
export type HostResponse = Awaited<ReturnType<LocalHost['handle']>>;
