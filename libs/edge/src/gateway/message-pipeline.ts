import { Logger } from '@nestjs/common';
import { EdgeError, EdgeErrorCode } from '../edge.error';
import { parseDeviceTopic } from '../shared/device-topics';
import type { DeviceMessageInterpreter } from './device-message.interpreter';
import type { EdgeGatewayCounters } from './edge-gateway.counters';
import { BatcherStoppedError, type IntakeBatcher } from './intake-batcher';
import type { Rejection, RejectionReporter } from './rejection.reporter';

/**
 * When a lane may PUBACK a message:
 * - `after-log`: once its event (or, for an unusable message, its alert) is on the event log. The
 *   broker keeps the message until then, so nothing is lost if the gateway dies.
 * - `on-receipt`: once it is interpreted and queued for the log (bounded). Only for the embedded aedes
 *   broker, which already acknowledged the device and holds undelivered messages in this very
 *   process's memory: waiting would cost throughput and protect nothing.
 */
export type AcknowledgeMode = 'after-log' | 'on-receipt';

export const RETRY = { initialDelayMs: 100, maxDelayMs: 10_000 };

/** Most messages handled but not yet on the log, in `on-receipt` mode. */
const MAX_IN_HAND = 2_000;

/** What happens to one message, from the lane's handler to the moment it may be acknowledged. */
export class MessagePipeline {
  private readonly logger = new Logger('EdgeGateway');
  private readonly inHand = new Set<Promise<void>>();
  private running = true;

  constructor(
    private readonly interpreter: DeviceMessageInterpreter,
    private readonly batcher: IntakeBatcher,
    private readonly reporter: RejectionReporter,
    private readonly counters: EdgeGatewayCounters,
    private readonly acknowledge: AcknowledgeMode,
  ) {}

  stop(): void {
    this.running = false;
    this.batcher.stop();
  }

  /** Resolves when the message may be acknowledged; rejects (never acknowledge) when stopping. */
  async handle(topic: string, payload: Buffer, redelivered: boolean): Promise<void> {
    this.counters.received(redelivered);
    const outcome = await this.retrying('reading the device registry', () =>
      this.interpreter.interpret(topic, payload),
    );
    let delivered: Promise<void>;
    switch (outcome.kind) {
      case 'no-event':
        return this.counters.noEvent(outcome.verdict);
      case 'rejected':
        delivered = this.reject(outcome.rejection);
        break;
      case 'event':
        delivered = this.batcher.submit(outcome.item).then((result) => {
          if (result.accepted) return this.counters.accepted(outcome.channel, outcome.verdict);
          const error = new EdgeError(
            EdgeErrorCode.EventRejected,
            `the event intake refused the event: ${result.reason}`,
          );
          return this.reject({ topic, parsed: parseDeviceTopic(topic), error, payload });
        });
        break;
    }
    if (this.acknowledge === 'after-log') return delivered;
    const tracked: Promise<void> = delivered
      .catch((error: unknown) => {
        if (!(error instanceof BatcherStoppedError))
          this.logger.error(`message on ${topic} lost: ${String(error)}`);
      })
      .finally(() => this.inHand.delete(tracked));
    this.inHand.add(tracked);
    while (this.inHand.size >= MAX_IN_HAND) await Promise.race(this.inHand);
  }

  private async reject(rejection: Rejection): Promise<void> {
    await this.retrying('raising the alert', () => this.reporter.report(rejection));
    this.counters.rejected(rejection.error.code);
  }

  /** Runs work until it succeeds; infrastructure failures are retried with backoff while running. */
  private async retrying<T>(what: string, work: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      if (!this.running) throw new BatcherStoppedError('the gateway is stopping');
      try {
        return await work();
      } catch (error) {
        this.transientFailure(what, error, attempt);
        await new Promise((resolve) =>
          setTimeout(resolve, Math.min(RETRY.maxDelayMs, RETRY.initialDelayMs * 2 ** Math.min(attempt, 20))),
        );
      }
    }
  }

  transientFailure(what: string, error: unknown, attempt: number): void {
    this.counters.retried();
    if (attempt === 0 || attempt % 10 === 0) {
      this.logger.warn(`${what} failed (attempt ${attempt + 1}), retrying: ${(error as Error).message}`);
    }
  }
}
