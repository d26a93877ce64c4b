import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { LogLevel } from '@nestjs/common';
import { HttpExceptionFilter } from './http-exception.filter';

export interface HttpAppOptions {
  title: string;
  /** Largest request body accepted, in bytes (EPCIS documents are the big ones). */
  bodyLimit?: number;
  logLevels?: LogLevel[];
}

/** Every HTTP service starts the same way: Fastify, JSON errors, OpenAPI at /docs. */
export async function createHttpApp(
  rootModule: unknown,
  options: HttpAppOptions,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    rootModule as never,
    new FastifyAdapter({ bodyLimit: options.bodyLimit ?? 25 * 1024 * 1024, logger: false }),
    { logger: options.logLevels ?? ['error', 'warn', 'log'], bufferLogs: false },
  );
  // EPCIS 2.0 documents arrive as JSON-LD; parse them like JSON.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(
      'application/ld+json',
      { parseAs: 'string' },
      (_request: unknown, body: string | Buffer, done: (error: Error | null, value?: unknown) => void) => {
        try {
          done(null, JSON.parse(body.toString()));
        } catch (error) {
          done(Object.assign(error as Error, { statusCode: 400 }));
        }
      },
    );
  app.useGlobalFilters(new HttpExceptionFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription('PharmaTrace APIs. Authenticate with `Authorization: Bearer <api key>`.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
