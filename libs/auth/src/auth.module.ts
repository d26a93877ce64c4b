import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyService } from './api-key.service';
import { AuthGuard } from './auth.guard';
import { ParticipantRepository } from './participant.repository';

@Module({
  providers: [ParticipantRepository, ApiKeyService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [ParticipantRepository, ApiKeyService],
})
export class AuthModule {}
