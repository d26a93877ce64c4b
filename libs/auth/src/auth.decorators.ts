import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Participant, ParticipantRole } from './participant';

export const ROLES = 'pharmatrace:roles';

/** Restricts a route to participants of the given roles (403 for the others). */
export const Roles = (...roles: ParticipantRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES, roles);

export interface AuthenticatedRequest {
  participant?: Participant;
}

/** The authenticated participant of the request. */
export const CurrentParticipant = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Participant => {
    const participant = context.switchToHttp().getRequest<AuthenticatedRequest>().participant;
    if (!participant) throw new Error('CurrentParticipant used on a public route');
    return participant;
  },
);
