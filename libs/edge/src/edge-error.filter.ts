import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { HttpExceptionFilter, HttpProblem } from '@pharmatrace/runtime';
import { EdgeError, EdgeErrorCode } from './edge.error';

/** The HTTP answer for each edge error: 4xx for the caller's mistakes, 503 when the broker is away. */
export function edgeHttpProblem(error: EdgeError): HttpProblem {
  switch (error.code) {
    case EdgeErrorCode.InvalidRequest:
    case EdgeErrorCode.InvalidTopic:
    case EdgeErrorCode.InvalidPayload:
    case EdgeErrorCode.InvalidTimestamp:
    case EdgeErrorCode.InvalidBarcode:
    case EdgeErrorCode.NotAnItem:
    case EdgeErrorCode.MissingCommissioningData:
    case EdgeErrorCode.WrongChannelForRole:
    case EdgeErrorCode.EventRejected:
      return HttpProblem.badRequest(error.code, error.message, error.details);
    case EdgeErrorCode.LocationNotOwned:
    case EdgeErrorCode.TopicNotOwned:
      return new HttpProblem(403, error.code, error.message);
    case EdgeErrorCode.UnknownDevice:
    case EdgeErrorCode.DeviceNotFound:
      return HttpProblem.notFound(error.code, error.message);
    case EdgeErrorCode.DeviceExists:
    case EdgeErrorCode.DeviceDisabled:
      return HttpProblem.conflict(error.code, error.message);
    case EdgeErrorCode.ProvisioningFailed:
      return HttpProblem.unavailable(error.code, error.message, 5);
  }
}

/** Renders EdgeErrors thrown by the registry controller through the platform's JSON error filter. */
@Catch(EdgeError)
export class EdgeErrorFilter implements ExceptionFilter {
  private readonly delegate = new HttpExceptionFilter();

  catch(exception: EdgeError, host: ArgumentsHost): void {
    this.delegate.catch(edgeHttpProblem(exception), host);
  }
}
