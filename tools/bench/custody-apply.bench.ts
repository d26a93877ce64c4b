/**
 * Custody events applied per second end to end: captured events already on Kafka, consumed by the
 * custody processor, applied (aggregation inference included) and written to PostgreSQL.
 *
 *   npm run infra:up   # PostgreSQL + Kafka
 *   node tools/bin/run-app.js tools/bench/custody-apply.bench.ts [pallets=10]
 *
 * Per pallet: 1,000 single-pack commissioning events (one scan each), 20 case packings, one
 * palletisation, one shipment and one receipt of the whole pallet (inference over 1,021 objects).
 * Bounded: at most 50 pallets and 10 minutes.
 */
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadPlatformConfig } from '@pharmatrace/config';
import { CustodyProcessingModule } from '@pharmatrace/custody-processing';
import { computeEventHash, type CapturedEvent, type EpcisEvent } from '@pharmatrace/epcis';
import { Topics } from '@pharmatrace/messaging';
import { openPorts, RuntimeModule, type RuntimePorts } from '@pharmatrace/runtime';
import { engineSettings, uniqueName } from '@pharmatrace/testing';

const M = {
  gln: '0614141000012',
  sgln: 'urn:epc:id:sgln:0614141.00001.0',
  pgln: 'urn:epc:id:pgln:0614141.00001',
};
const W = {
  gln: '4012345000016',
  sgln: 'urn:epc:id:sgln:4012345.00001.0',
  pgln: 'urn:epc:id:pgln:4012345.00001',
};
const GTIN = '10614141073464';

@Module({})
class BenchModule {
  static with(ports: RuntimePorts): DynamicModule {
    return { module: BenchModule, imports: [RuntimeModule.forRoot(ports), CustodyProcessingModule] };
  }
}

let clock = Date.parse('2026-01-01T00:00:00.000Z');
function event(
  partial: Omit<EpcisEvent, 'eventID' | 'eventHash' | 'eventTime' | 'eventTimeZoneOffset'>,
): EpcisEvent {
  const base = {
    ...partial,
    eventTime: new Date((clock += 1000)).toISOString(),
    eventTimeZoneOffset: '+00:00',
  };
  const eventHash = computeEventHash(base);
  return { ...base, eventID: eventHash, eventHash };
}

function palletEvents(p: number): { by: string; event: EpcisEvent }[] {
  const out: { by: string; event: EpcisEvent }[] = [];
  const pallet = `urn:epc:id:sscc:0614141.4${String(p).padStart(9, '0')}`;
  const cases: string[] = [];
  const where = { readPoint: M.sgln, bizLocation: M.sgln };
  for (let c = 0; c < 20; c++) {
    const sscc = `urn:epc:id:sscc:0614141.3${String(p * 100 + c).padStart(9, '0')}`;
    cases.push(sscc);
    const packs = Array.from({ length: 50 }, (_, i) => `urn:epc:id:sgtin:0614141.107346.B${p}C${c}P${i}`);
    for (const epc of packs) {
      out.push({
        by: M.gln,
        event: event({
          type: 'ObjectEvent',
          epcList: [epc],
          action: 'ADD',
          bizStep: 'commissioning',
          disposition: 'active',
          ...where,
          ilmd: { 'cbvmda:lotNumber': 'BENCH', 'cbvmda:itemExpirationDate': '2030-01-31' },
        }),
      });
    }
    out.push({
      by: M.gln,
      event: event({
        type: 'ObjectEvent',
        epcList: [sscc],
        action: 'ADD',
        bizStep: 'commissioning',
        disposition: 'active',
        ...where,
      }),
    });
    out.push({
      by: M.gln,
      event: event({
        type: 'AggregationEvent',
        parentID: sscc,
        childEPCs: packs,
        action: 'ADD',
        bizStep: 'packing',
        ...where,
      }),
    });
  }
  out.push({
    by: M.gln,
    event: event({
      type: 'ObjectEvent',
      epcList: [pallet],
      action: 'ADD',
      bizStep: 'commissioning',
      disposition: 'active',
      ...where,
    }),
  });
  out.push({
    by: M.gln,
    event: event({
      type: 'AggregationEvent',
      parentID: pallet,
      childEPCs: cases,
      action: 'ADD',
      bizStep: 'packing',
      ...where,
    }),
  });
  out.push({
    by: M.gln,
    event: event({
      type: 'ObjectEvent',
      epcList: [pallet],
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      ...where,
      destinationList: [{ type: 'owning_party', value: W.pgln }],
    }),
  });
  out.push({
    by: W.gln,
    event: event({
      type: 'ObjectEvent',
      epcList: [pallet],
      action: 'OBSERVE',
      bizStep: 'receiving',
      disposition: 'in_progress',
      readPoint: W.sgln,
      bizLocation: W.sgln,
    }),
  });
  return out;
}

async function main(): Promise<void> {
  const requested = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 10);
  const pallets = Math.min(50, Math.max(1, requested));
  const engines = engineSettings();
  const schema = uniqueName('bench').replace(/-/g, '_');
  const config = loadPlatformConfig({
    DATABASE_URL: engines.databaseUrl,
    KAFKA_BROKERS: engines.kafkaBrokers.join(','),
  });
  const ports = await openPorts(config, { schema, namespace: schema });
  const sql = ports.database.sql;
  try {
    for (const [gln, role, prefix, sgln] of [
      [M.gln, 'manufacturer', '0614141', M.sgln],
      [W.gln, 'distributor', '4012345', W.sgln],
    ] as const) {
      await sql.query(
        `insert into participants (gln, name, role, company_prefixes, msp_id) values ($1, $2, $3, $4, 'Org1MSP')`,
        [gln, gln, role, [prefix]],
      );
      await sql.query(`insert into participant_locations (sgln, gln, name) values ($1, $2, 'site')`, [
        sgln,
        gln,
      ]);
    }
    await sql.query(`insert into products (gtin, owner_gln, name) values ($1, $2, 'bench product')`, [
      GTIN,
      M.gln,
    ]);

    const events = Array.from({ length: pallets }, (_, p) => palletEvents(p)).flat();
    const records = events.map(({ by, event: e }) => {
      const captured: CapturedEvent = {
        event: e,
        capturedBy: by,
        captureId: '00000000-0000-4000-8000-000000000000',
        recordTime: e.eventTime,
      };
      return { key: by, value: JSON.stringify(captured) };
    });
    for (let i = 0; i < records.length; i += 5000)
      await ports.eventLog.publish(Topics.EpcisEvents, records.slice(i, i + 5000));
    process.stdout.write(
      `published ${records.length} events (${pallets} pallets, ${pallets * 1000} packs) to Kafka\n`,
    );

    const started = process.hrtime.bigint();
    const app = await NestFactory.createApplicationContext(BenchModule.with(ports), {
      logger: ['error', 'warn'],
    });
    await app.init();
    const deadline = Date.now() + 600_000;
    let applied = 0;
    while (applied < records.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      applied =
        (
          await sql.query<{ n: number }>(
            `select count(*)::int as n from processed_events where consumer = 'custody'`,
          )
        )[0]?.n ?? 0;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await app.close();
    const received =
      (
        await sql.query<{ n: number }>(
          `select count(*)::int as n from packs where custodian_gln = $1 and kind = 'item'`,
          [W.gln],
        )
      )[0]?.n ?? 0;
    process.stdout.write(
      `custody apply: ${applied} events in ${seconds.toFixed(2)} s = ${Math.round(applied / seconds)} events/s ` +
        `(packs received by the wholesaler through inference: ${received}/${pallets * 1000}; load average ${(await import('node:os')).loadavg()[0]?.toFixed(1)})\n`,
    );
    if (applied < records.length || received !== pallets * 1000) process.exitCode = 1;
  } finally {
    await sql.query(`drop schema if exists "${schema}" cascade`);
    await ports.close();
  }
}

void main();
