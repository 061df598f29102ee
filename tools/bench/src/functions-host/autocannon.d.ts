// Minimal typings for the parts of autocannon 9 the benchmark uses (the package ships none).
declare module 'autocannon' {
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    /** Stop after this many requests (instead of after `duration`). */
    amount?: number;
    pipelining?: number;
    /** Milliseconds between samples (1000); a run only stops on a sample tick. */
    sampleInt?: number;
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
    /** Seconds the run took, to 10 ms (it ends on the first sample tick after `duration`). */
    duration: number;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
