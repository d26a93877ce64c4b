export * from './participant';
export * from './participant.repository';
export * from './api-key.service';
export * from './auth.decorators';
export * from './auth.guard';
export * from './auth.module';
