import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { VerificationError, verificationHttpStatus } from './verification.error';

/**
 * Renders a VerificationError as the platform's JSON error body (statusCode, error, code, message,
 * details), plus the members the error carries: a refused dispense still shows the verdict, the
 * resulting state and the alert that refused it.
 */
@Catch(VerificationError)
export class VerificationErrorFilter implements ExceptionFilter<VerificationError> {
  catch(error: VerificationError, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const statusCode = verificationHttpStatus(error.code);
    const { wireCode, details, body, retryAfterSeconds } = error.options;
    if (retryAfterSeconds !== undefined) void reply.header('Retry-After', String(retryAfterSeconds));
    void reply
      .status(statusCode)
      .header('content-type', 'application/json')
      .send({
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        code: wireCode ?? error.code,
        message: error.message,
        ...(details ? { details } : {}),
        ...body,
      });
  }
}
