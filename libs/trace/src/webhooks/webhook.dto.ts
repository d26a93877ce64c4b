import { randomBytes } from 'node:crypto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TraceError, TraceErrorCode, type TraceProblem } from '../trace.error';

/** Body of POST /v1/webhooks. */
export class RegisterWebhookDto {
  @ApiProperty({ example: 'https://erp.example.com/pharmatrace/recalls', description: 'http(s) URL' })
  url!: string;
  @ApiPropertyOptional({
    description: 'HMAC-SHA256 key, 16-256 characters; generated (and returned once) when absent',
  })
  secret?: string;
}

export interface WebhookRegistration {
  url: string;
  secret: string;
  /** True when the platform generated the secret (it is then returned once, at registration). */
  generated: boolean;
}

const MAX_URL = 2048;

/** The URL problems of a webhook target, or none: only absolute http(s) URLs without credentials. */
export function webhookUrlProblems(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_URL) {
    return `must be a URL of at most ${MAX_URL} characters`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https URL';
  if (url.username !== '' || url.password !== '') {
    return 'must not carry credentials: the secret signs each delivery';
  }
  if (url.hash !== '') return 'must not have a fragment';
  return undefined;
}

export function parseWebhookRegistration(
  input: unknown,
  random: (bytes: number) => Buffer = randomBytes,
): WebhookRegistration {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TraceError(TraceErrorCode.InvalidWebhook, 'the body must be a JSON object');
  }
  const body = input as Record<string, unknown>;
  const problems: TraceProblem[] = [];
  const urlProblem = webhookUrlProblems(body['url']);
  if (urlProblem) problems.push({ pointer: '/url', reason: urlProblem });
  const secret = body['secret'];
  if (secret !== undefined && (typeof secret !== 'string' || secret.length < 16 || secret.length > 256)) {
    problems.push({ pointer: '/secret', reason: 'must be a string of 16 to 256 characters' });
  }
  if (problems.length > 0) {
    throw new TraceError(
      TraceErrorCode.InvalidWebhook,
      `the webhook is invalid: ${problems.map((p) => `${p.pointer} ${p.reason}`).join('; ')}`,
      { details: problems },
    );
  }
  return typeof secret === 'string'
    ? { url: body['url'] as string, secret, generated: false }
    : { url: body['url'] as string, secret: `whsec_${random(32).toString('base64url')}`, generated: true };
}
