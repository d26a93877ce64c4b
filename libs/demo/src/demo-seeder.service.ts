import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiKeyService, ParticipantRepository } from '@pharmatrace/auth';
import { DeviceRegistryService } from '@pharmatrace/edge';
import { PrefixDirectory, ProductRepository } from '@pharmatrace/master-data';
import type { Database } from '@pharmatrace/persistence';
import { DATABASE } from '@pharmatrace/runtime';
import { DEMO_PARTICIPANTS, DEMO_PRODUCTS, demoParticipant, type DemoParticipant } from './demo-network';
import type { DemoCredentials } from './demo-credentials';

const DEVICE_ROLE_BY_PARTICIPANT: Partial<Record<DemoParticipant['key'], string>> = {
  manufacturer: 'commissioning-line',
  wholesaler: 'receiving-dock',
  pharmacy1: 'dispensing-counter',
  pharmacy2: 'dispensing-counter',
};

/** Seeds the demo network into an empty database: participants, API keys, products. */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly participants: ParticipantRepository,
    private readonly keys: ApiKeyService,
    private readonly products: ProductRepository,
    private readonly prefixes: PrefixDirectory,
    // The registry lives in the edge module the app configured; looked up, not imported twice.
    private readonly modules: ModuleRef,
  ) {}

  async isEmpty(): Promise<boolean> {
    const rows = await this.database.sql.query<{ n: number }>(`select count(*)::int as n from participants`);
    return (rows[0]?.n ?? 0) === 0;
  }

  /** Seeds and returns the credentials to write down; devices are added by the caller. */
  async seed(endpoints: { httpUrl: string; mqttUrl: string }): Promise<DemoCredentials> {
    const participants: DemoCredentials['participants'] = [];
    for (const p of DEMO_PARTICIPANTS) {
      await this.participants.save({
        gln: p.gln,
        name: p.name,
        role: p.role,
        companyPrefixes: p.companyPrefixes,
        mspId: p.mspId,
        locations: [p.location],
      });
      const { key } = await this.keys.issue(p.gln, 'demo');
      participants.push({ key: p.key, gln: p.gln, name: p.name, role: p.role, apiKey: key });
    }
    const owner = demoParticipant('manufacturer');
    for (const product of DEMO_PRODUCTS) {
      await this.products.save({
        gtin: product.gtin,
        ownerGln: owner.gln,
        name: product.name,
        form: product.form,
        strength: product.strength,
        nationalCodes: product.nationalCodes,
        storageTemperature: product.storageTemperature,
        status: 'active',
      });
    }
    this.prefixes.invalidate();
    const devices: DemoCredentials['devices'] = [];
    for (const p of DEMO_PARTICIPANTS) {
      const role = DEVICE_ROLE_BY_PARTICIPANT[p.key];
      if (!role) continue;
      const owner = await this.participants.findByGln(p.gln);
      if (!owner) continue;
      const registry = this.modules.get(DeviceRegistryService, { strict: false });
      const credentials = await registry.register(owner, {
        id: `${p.key}-scanner-1`,
        name: `${p.name} scanner`,
        role,
        location: p.location.sgln,
      });
      devices.push({
        id: credentials.device.id,
        participant: p.key,
        gln: p.gln,
        role,
        username: credentials.username,
        password: credentials.password,
      });
    }
    this.logger.log(
      `seeded ${participants.length} participants, ${DEMO_PRODUCTS.length} products, ${devices.length} scanners`,
    );
    return { ...endpoints, participants, devices };
  }
}
