import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { HttpProblem, PUBLIC_ROUTE } from '@pharmatrace/runtime';
import { ApiKeyService } from './api-key.service';
import { ROLES, type AuthenticatedRequest } from './auth.decorators';
import type { ParticipantRole } from './participant';

/** Every route authenticates with `Authorization: Bearer <api key>` unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<AuthenticatedRequest & { headers: Record<string, unknown> }>();
    const header = request.headers['authorization'];
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) {
      throw new HttpProblem(
        401,
        'UNAUTHENTICATED',
        'missing credentials: send Authorization: Bearer <api key>',
      );
    }
    const participant = await this.keys.authenticate(match[1]);
    if (!participant) throw new HttpProblem(401, 'UNAUTHENTICATED', 'unknown or revoked API key');
    request.participant = participant;
    const roles = this.reflector.getAllAndOverride<ParticipantRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(participant.role)) {
      throw HttpProblem.forbidden(
        `this operation is for ${roles.join(' or ')} participants; you are a ${participant.role}`,
      );
    }
    return true;
  }
}
