import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { HttpExceptionFilter, HttpProblem } from '@pharmatrace/runtime';
import { TraceError, TraceErrorCode } from './trace.error';

/** The HTTP answer for each trace error. */
export function traceHttpProblem(error: TraceError): HttpProblem {
  switch (error.code) {
    case TraceErrorCode.InvalidIdentifier:
    case TraceErrorCode.NotTraceable:
    case TraceErrorCode.InvalidRecall:
    case TraceErrorCode.InvalidQuery:
    case TraceErrorCode.InvalidWebhook:
      return HttpProblem.badRequest(error.code, error.message, error.details);
    case TraceErrorCode.NotBrandOwner:
    case TraceErrorCode.NotAuthorised:
    case TraceErrorCode.NotRecallIssuer:
      return new HttpProblem(403, error.code, error.message);
    case TraceErrorCode.UnknownObject:
    case TraceErrorCode.UnknownProduct:
    case TraceErrorCode.UnknownRecall:
    case TraceErrorCode.UnknownWebhook:
      return HttpProblem.notFound(error.code, error.message);
    case TraceErrorCode.LotAlreadyRecalled:
    case TraceErrorCode.RecallLifted:
    case TraceErrorCode.TooManyWebhooks:
      return HttpProblem.conflict(error.code, error.message);
  }
}

/** Renders TraceErrors through the platform's JSON error filter. */
@Catch(TraceError)
export class TraceErrorFilter implements ExceptionFilter {
  private readonly delegate = new HttpExceptionFilter();

  catch(exception: TraceError, host: ArgumentsHost): void {
    this.delegate.catch(traceHttpProblem(exception), host);
  }
}
