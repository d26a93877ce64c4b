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
    // The audit entry is written alongside the read (not after it): it records the attempt and its
    // scope whatever the outcome, and costs no extra latency.
    const [rows, names] = await Promise.all([
      this.traces.load(target.epc),
      this.names.names(),
      this.audit.record({ gln: reader.gln, action: 'trace.read', subject: target.epc, details: { scope } }),
    ]);
    const view = assembleTrace({
      epc: target.epc,
      kind: target.kind,
      rows,
      scope,
      viewer,
      names,
      today: this.clock.now().toISOString().slice(0, 10),
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
