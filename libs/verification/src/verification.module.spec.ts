import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { EventLog } from '@pharmatrace/messaging';
import type { Database } from '@pharmatrace/persistence';
import { RuntimeModule } from '@pharmatrace/runtime';
import { ReceiptHashTamperCheck } from './integrity/receipt-hash.tamper-check';
import { TAMPER_CHECK, type LedgerIntegrity, type TamperCheck } from './integrity/tamper-check';
import { VerificationModule } from './verification.module';

class EverythingAnchored implements TamperCheck {
  assess(records: readonly unknown[]): Promise<LedgerIntegrity[]> {
    return Promise.resolve(records.map(() => 'anchored' as const));
  }
}

const ports = { database: { kind: 'postgres', sql: {} } as unknown as Database, eventLog: {} as EventLog };

@Module({})
class Root {
  static with(verification: typeof VerificationModule | DynamicModule): DynamicModule {
    return { module: Root, imports: [RuntimeModule.forRoot(ports), verification] };
  }
}

async function tamperCheckOf(verification: typeof VerificationModule | DynamicModule): Promise<unknown> {
  const context = await NestFactory.createApplicationContext(Root.with(verification), { logger: false });
  try {
    return context.get(TAMPER_CHECK, { strict: false });
  } finally {
    await context.close();
  }
}

describe('VerificationModule', () => {
  it('checks integrity against ledger receipts by default', async () => {
    expect(await tamperCheckOf(VerificationModule)).toBeInstanceOf(ReceiptHashTamperCheck);
  });

  it('takes another tamper check, e.g. one reading the ledger', async () => {
    expect(await tamperCheckOf(VerificationModule.withTamperCheck(EverythingAnchored))).toBeInstanceOf(
      EverythingAnchored,
    );
  });
});
