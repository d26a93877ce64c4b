/**
 * The JSON body of every 4xx/5xx answer: a stable machine code, a message a person can act on, and,
 * for validation failures, one entry per offending field.
 */
export interface HttpErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details?: { pointer: string; reason: string }[];
}

/** Thrown by services to answer with a specific status and code; the filter renders it. */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: { pointer: string; reason: string }[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpProblem';
  }

  static badRequest(code: string, message: string, details?: HttpErrorBody['details']): HttpProblem {
    return new HttpProblem(400, code, message, details);
  }
  static notFound(code: string, message: string): HttpProblem {
    return new HttpProblem(404, code, message);
  }
  static forbidden(message: string): HttpProblem {
    return new HttpProblem(403, 'FORBIDDEN', message);
  }
  static conflict(code: string, message: string): HttpProblem {
    return new HttpProblem(409, code, message);
  }
  static unavailable(code: string, message: string, retryAfterSeconds: number): HttpProblem {
    return new HttpProblem(503, code, message, undefined, { 'Retry-After': String(retryAfterSeconds) });
  }
}
