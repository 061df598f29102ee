import { runProxyBench } from './proxy-overhead/run-proxy-bench.js';
import { runRateLimiterBench } from './rate-limiter/rate-limiter-bench.js';

// The recipe's policy against a plain proxy (CPU per request), then the rate limiter alone.
await runProxyBench();
console.log('');
runRateLimiterBench();
