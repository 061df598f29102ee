import type { InvocationContext } from '@azure/functions';
import type { LogSink } from '@cookbook/logging/internal';

/** Forwards each log line to the invocation's own logger so the host correlates it. */
export function invocationLogSink(invocation: InvocationContext): LogSink {
  return (level, line) => {
    switch (level) {
      case 'trace':
        return invocation.trace(line);
      case 'debug':
        return invocation.debug(line);
      case 'info':
        return invocation.info(line);
      case 'warn':
        return invocation.warn(line);
      default:
        return invocation.error(line);
    }
  };
}
