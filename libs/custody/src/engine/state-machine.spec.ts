import type { AlertCode } from '../model/alert-codes';
import { ALERT_CODES, ALERT_DEFINITIONS } from '../model/alert-codes';
import type { CustodyOutcome } from '../model/custody-outcome';
import { aggregationScenarios } from '../scenarios/aggregation.scenarios';
import { commandScenarios } from '../scenarios/command.scenarios';
import { commissioningScenarios } from '../scenarios/commissioning.scenarios';
import { correctionScenarios } from '../scenarios/correction.scenarios';
import type { CustodyScenario } from '../scenarios/custody-scenario';
import { decommissionScenarios } from '../scenarios/decommission.scenarios';
import { handoffScenarios } from '../scenarios/handoff.scenarios';
import { observationScenarios } from '../scenarios/observation.scenarios';
import { undoScenarios } from '../scenarios/undo.scenarios';
import { CustodyWorld } from '../testing';

const tables: Record<string, readonly CustodyScenario[]> = {
  commissioning: commissioningScenarios,
  aggregation: aggregationScenarios,
  handoff: handoffScenarios,
  decommission: decommissionScenarios,
  undo: undoScenarios,
  observation: observationScenarios,
  correction: correctionScenarios,
  command: commandScenarios,
};

const raised = new Set<AlertCode>();
const operations = new Set<string>();

describe.each(Object.entries(tables))('%s scenarios', (_table, scenarios) => {
  it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', (_name, scenario) => {
    const world = new CustodyWorld();
    const outcome: CustodyOutcome = scenario.when(world);
    operations.add(outcome.operation);
    outcome.alerts.forEach((alert) => raised.add(alert.code));

    expect(outcome.alerts.map((alert) => alert.code)).toEqual(scenario.alerts);
    for (const [epc, status] of Object.entries(scenario.statuses ?? {})) {
      expect([epc, world.status(epc) ?? null]).toEqual([epc, status]);
    }
    for (const alert of outcome.alerts) {
      expect(alert.message).toContain(outcome.eventId);
      if (alert.epc !== undefined) expect(alert.message).toContain(alert.epc);
      expect(alert.severity).toBe(ALERT_DEFINITIONS[alert.code].severity);
    }
    scenario.check?.(world, outcome);
  });
});

describe('scenario table coverage', () => {
  it('raises every alert code except TAMPERED, which the verification layer raises', () => {
    const missing = ALERT_CODES.filter((code) => code !== 'TAMPERED' && !raised.has(code));
    expect(missing).toEqual([]);
  });

  it('exercises every operation', () => {
    expect([...operations].sort()).toEqual([
      'aggregate',
      'commission',
      'correction',
      'decommission',
      'disaggregate',
      'ignored',
      'lift_recall',
      'observe',
      'recall_lot',
      'receive',
      'reinstate_product',
      'ship',
      'undo',
      'void_shipping',
      'withdraw_product',
    ]);
  });

  it('defines TAMPERED for other layers to raise', () => {
    expect(ALERT_DEFINITIONS.TAMPERED.severity).toBe('critical');
  });
});
