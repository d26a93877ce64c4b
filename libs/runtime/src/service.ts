import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { loadPlatformConfig, type PlatformConfig } from '@pharmatrace/config';
import { createHttpApp, type HttpAppOptions } from './http-app';
import { openPorts, type OpenPorts } from './ports';
import { closeOnSignal } from './run-service';
import { RuntimeModule } from './runtime.module';

type ModuleImport = NonNullable<ModuleMetadata['imports']>[number];

/** What one service adds to the runtime: its modules, and anything to close after them. */
export interface ServiceParts {
  imports: ModuleImport[];
  /** Overrides the definition's title (e.g. to name the ledger it runs on). */
  title?: string;
  /** Closed after the app (consumers stopped), before the ports. */
  close?: () => Promise<void>;
}

export interface ServiceDefinition extends Omit<HttpAppOptions, 'logLevels'> {
  /** Builds the service's modules once the ports are open; may read more of the environment. */
  compose(ports: OpenPorts, config: PlatformConfig): ServiceParts | Promise<ServiceParts>;
}

@Module({})
class ServiceModule {}

/**
 * Starts one service the way every app does: configuration from the environment, ports opened, the
 * runtime plus the service's modules on Fastify, closed in order on SIGINT/SIGTERM. A failure to
 * start (invalid configuration, unreachable database) ends the process with its message and exit 1,
 * not a stack trace of an unhandled rejection.
 */
export function runService(definition: ServiceDefinition): void {
  start(definition).catch((error: unknown) => {
    process.stderr.write(
      `${definition.title} failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}

async function start(definition: ServiceDefinition): Promise<void> {
  const config = loadPlatformConfig();
  const ports = await openPorts(config);
  const parts = await definition.compose(ports, config);
  const root: DynamicModule = {
    module: ServiceModule,
    imports: [
      RuntimeModule.forRoot({ ...ports, tuning: { consumerBatchSize: config.consumerBatchSize } }),
      ...parts.imports,
    ],
  };
  const app = await createHttpApp(root, {
    title: parts.title ?? definition.title,
    ...(definition.bodyLimit !== undefined && { bodyLimit: definition.bodyLimit }),
  });
  closeOnSignal(app, () => ports.close(), parts.close ? [parts.close] : []);
  await app.listen(config.httpPort, config.httpHost);
}
