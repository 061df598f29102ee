// Minimal typings for the parts of autocannon 9 the benchmark uses (the package ships none).
declare module 'autocannon' {
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    /** Stop after this many requests (instead of after `duration`). */
    amount?: number;
    pipelining?: number;
  }
  interface Histogram {
    total: number;
    average: number;
    p50: number;
    p99: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    non2xx: number;
    errors: number;
    timeouts: number;
    /** Seconds the run took (whole seconds when it stopped on `amount`). */
    duration: number;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
