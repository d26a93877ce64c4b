import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitFor } from '@pharmatrace/testing';

export interface ReceivedDelivery {
  at: number;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A webhook endpoint on 127.0.0.1 for tests: records every request and answers with the next status
 * of `statuses` (the last one repeats), 200 by default.
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  private statuses: number[] = [200];
  private server: Server | undefined;
  private port = 0;

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({
          at: Date.now(),
          path: request.url ?? '/',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const status = this.statuses.length > 1 ? (this.statuses.shift() ?? 200) : (this.statuses[0] ?? 200);
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  answer(...statuses: number[]): this {
    this.statuses = statuses;
    return this;
  }

  /** The JSON bodies received so far whose `type` is `type`. */
  bodies<T = Record<string, unknown>>(type?: string): T[] {
    return this.received
      .map((r) => JSON.parse(r.body) as T & { type?: string })
      .filter((b) => type === undefined || b.type === type);
  }

  async waitFor(count: number, timeoutMs = 20_000): Promise<void> {
    await waitFor(() => Promise.resolve(this.received.length >= count), timeoutMs, `${count} webhook calls`);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
