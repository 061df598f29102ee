import { Agent, request } from 'node:http';

/** One request of a variant: path and headers (the `n`th of the whole run). */
export type RequestSpec = (n: number) => { path: string; headers: Record<string, string> };

/** Checks an answer; returns what is wrong with it, or undefined. */
export type AnswerCheck = (answer: Answer) => string | undefined;

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A keep-alive client for one server: `count` requests, `concurrency` at a time. */
export class LoadClient {
  private readonly agent: Agent;
  private sent = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly spec: RequestSpec,
    private readonly check: AnswerCheck,
    concurrency: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    this.concurrency = concurrency;
  }

  private readonly concurrency: number;

  /** Sends `count` requests; throws on the first answer that fails the check. */
  async send(count: number): Promise<void> {
    let left = count;
    const worker = async (): Promise<void> => {
      while (left > 0) {
        left -= 1;
        const answer = await this.one(this.sent++);
        const problem = this.check(answer);
        if (problem)
          throw new Error(
            `${this.baseUrl}: ${problem} (status ${answer.status}: ${answer.body.slice(0, 300)})`,
          );
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, count) }, worker));
  }

  close(): void {
    this.agent.destroy();
  }

  private one(n: number): Promise<Answer> {
    const { path, headers } = this.spec(n);
    return new Promise((resolve, reject) => {
      const req = request(new URL(path, this.baseUrl), { headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      });
      req.on('error', reject);
      req.end();
    });
  }
}
