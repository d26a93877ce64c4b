import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { HttpProblem, type HttpErrorBody } from './http-error';

/** Maps domain problems to JSON bodies; unknown errors become a 500 that leaks no internals. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (exception instanceof HttpProblem && exception.headers) void reply.headers(exception.headers);
    if (body.statusCode >= 500 && !(exception instanceof HttpProblem)) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    void reply.status(body.statusCode).header('content-type', 'application/json').send(body);
  }

  private toBody(exception: unknown): HttpErrorBody {
    if (exception instanceof HttpProblem) {
      return {
        statusCode: exception.statusCode,
        error: STATUS_CODES[exception.statusCode] ?? 'Error',
        code: exception.code,
        message: exception.message,
        ...(exception.details ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const detail = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const message = Array.isArray(detail)
        ? detail.join('; ')
        : typeof detail === 'string'
          ? detail
          : exception.message;
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', code: codeFor(status), message };
    }
    // Fastify's own errors (body too large, bad JSON) carry a statusCode.
    const fastifyStatus = (exception as { statusCode?: unknown }).statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return {
        statusCode: fastifyStatus,
        error: STATUS_CODES[fastifyStatus] ?? 'Error',
        code: codeFor(fastifyStatus),
        message: (exception as Error).message,
      };
    }
    return { statusCode: 500, error: 'Internal Server Error', code: 'INTERNAL', message: 'internal error' };
  }
}

function codeFor(status: number): string {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    default:
      return `HTTP_${status}`;
  }
}
