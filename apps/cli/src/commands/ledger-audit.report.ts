import type { ChainVerification, PackAuditFinding, PackAuditReport } from '@pharmatrace/ledger';

const short = (hash: string | undefined) => (hash ? hash.slice(0, 12) : '-');

/** One line per difference: what the database holds, what the ledger holds, and the receipt. */
export function findingLine(finding: PackAuditFinding): string {
  const ledger = finding.onLedger
    ? `ledger v${finding.onLedger.version} ${short(finding.onLedger.stateHash)} (tx ${short(finding.onLedger.txId)})`
    : 'ledger -';
  const receipt = finding.receipt
    ? `  receipt ${finding.receipt.status}${finding.receipt.reason ? `: ${finding.receipt.reason}` : ''}`
    : '';
  return (
    `${finding.verdict.toUpperCase().padEnd(8)} ${finding.epc}  ${finding.problems.join(',')}  ` +
    `db v${finding.offChain.version} ${short(finding.offChain.stateHash)}  ${ledger}${receipt}`
  );
}

export function auditSummary(report: PackAuditReport): string {
  const by = (verdict: PackAuditFinding['verdict']) =>
    report.findings.filter((f) => f.verdict === verdict).length;
  if (report.findings.length === 0) {
    return `ledger audit: ${report.checked} packs checked, every one matches its ledger record`;
  }
  return (
    `ledger audit: ${report.checked} packs checked, ${report.findings.length} differ ` +
    `(${by('tampered')} tampered, ${by('behind')} ledger behind, ${by('missing')} missing on the ledger)`
  );
}

export function chainSummary(result: ChainVerification): string[] {
  if (result.ok)
    return [`ledger chain: ${result.blocks} blocks verified (hashes, links, signatures, history, state)`];
  return [
    `ledger chain: ${result.problems.length} problems in ${result.blocks} blocks`,
    ...result.problems.map((p) => `  ${p}`),
  ];
}
