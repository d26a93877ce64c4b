import { Inject, Injectable } from '@nestjs/common';
import type { Participant } from '@pharmatrace/auth';
import { CLOCK, MetricsRegistry, type Clock } from '@pharmatrace/runtime';
import { AccessAuditRepository } from '../access/access-audit.repository';
import { PartyNamesRepository } from '../access/party-names.repository';
import { traceScope, viewerOf } from '../access/viewer';
import { TraceError, TraceErrorCode } from '../trace.error';
import { IdentifierResolver } from './identifier.resolver';
import { assembleTrace } from './trace.assembler';
import { TraceRepository } from './trace.repository';
import type { TraceView } from './trace.view';

/** One object's chain of custody, cut to what the reader may see, and the read written to the audit. */
@Injectable()
export class TraceService {
  constructor(
    private readonly identifiers: IdentifierResolver,
    private readonly traces: TraceRepository,
    private readonly names: PartyNamesRepository,
    private readonly audit: AccessAuditRepository,
    private readonly metrics: MetricsRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async trace(reader: Participant, identifier: string): Promise<TraceView> {
    const target = await this.identifiers.resolve(identifier);
    const viewer = viewerOf(reader);
    const scope = traceScope(viewer, target.epc);
    const [rows, names] = await Promise.all([this.traces.load(target.epc), this.names.names()]);
    const view = assembleTrace({
      epc: target.epc,
      kind: target.kind,
      rows,
      scope,
      viewer,
      names,
      today: this.clock.now().toISOString().slice(0, 10),
    });
    await this.audit.record({
      gln: reader.gln,
      action: 'trace.read',
      subject: target.epc,
      details: view
        ? { scope, events: view.events.length, handoffs: view.handoffs.length }
        : { scope, found: false },
    });
    this.metrics.increment('pharmatrace_trace_reads_total', 'trace reads', { scope });
    if (!view) {
      throw new TraceError(
        TraceErrorCode.UnknownObject,
        `nothing known about ${target.epc} that you may see`,
      );
    }
    return view;
  }
}
