import { runRateLimiterBench } from './rate-limiter/rate-limiter-bench.js';

runRateLimiterBench();
