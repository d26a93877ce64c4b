import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentParticipant, type Participant } from '@pharmatrace/auth';
import type { Database } from '@pharmatrace/persistence';
import { DATABASE, HttpProblem } from '@pharmatrace/runtime';

export interface PackStats {
  total: number;
  byStatus: Record<string, number>;
  byCustodian: Record<string, number>;
  /** Events applied by the custody processor so far (a progress signal for bulk loads). */
  eventsApplied: number;
}

/**
 * Counts of packs by status and custodian: a regulator sees every pack, a brand owner its own
 * products, anyone else the packs in its custody.
 */
@ApiTags('packs')
@ApiBearerAuth()
@Controller('v1/packs')
export class PackStatsController {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  @Get('stats')
  @ApiOperation({ summary: 'Pack counts by status and custodian, optionally for one GTIN and lot' })
  async stats(
    @CurrentParticipant() reader: Participant,
    @Query('gtin') gtin?: string,
    @Query('lot') lot?: string,
  ): Promise<PackStats> {
    if (gtin !== undefined && !/^\d{14}$/.test(gtin))
      throw HttpProblem.badRequest('BAD_QUERY', 'gtin must be 14 digits');
    const scope =
      reader.role === 'regulator' ? 'all' : reader.role === 'manufacturer' ? 'owner' : 'custodian';
    const rows = await this.database.sql.query<{ status: string; custodian_gln: string; n: number }>(
      `select status, custodian_gln, count(*)::int as n from packs
        where kind = 'item' and ($1::text is null or gtin = $1) and ($2::text is null or lot = $2)
          and ($3 = 'all' or ($3 = 'owner' and owner_gln = $4) or ($3 = 'custodian' and custodian_gln = $4))
        group by status, custodian_gln`,
      [gtin ?? null, lot ?? null, scope, reader.gln],
    );
    const applied = await this.database.sql.query<{ n: number }>(
      `select count(*)::int as n from processed_events where consumer = 'custody'`,
    );
    const stats: PackStats = { total: 0, byStatus: {}, byCustodian: {}, eventsApplied: applied[0]?.n ?? 0 };
    for (const row of rows) {
      stats.total += row.n;
      stats.byStatus[row.status] = (stats.byStatus[row.status] ?? 0) + row.n;
      stats.byCustodian[row.custodian_gln] = (stats.byCustodian[row.custodian_gln] ?? 0) + row.n;
    }
    return stats;
  }
}
