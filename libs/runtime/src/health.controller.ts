import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Database } from '@pharmatrace/persistence';
import { DATABASE } from './runtime.tokens';
import { MetricsRegistry } from './metrics.registry';
import { Public } from './public.decorator';
import { HttpProblem } from './http-error';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly metrics: MetricsRegistry,
  ) {}

  @Public()
  @Get('health')
  async health(): Promise<{ status: 'ok'; database: string }> {
    try {
      await this.database.sql.query('select 1');
    } catch (error) {
      throw HttpProblem.unavailable('DATABASE_DOWN', `database unreachable: ${(error as Error).message}`, 5);
    }
    return { status: 'ok', database: this.database.kind };
  }

  @Public()
  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4')
  metricsText(): string {
    return this.metrics.render();
  }
}
