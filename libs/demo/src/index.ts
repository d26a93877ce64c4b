export * from './demo-network';
export * from './demo-credentials';
export * from './demo-seeder.service';
export * from './demo.module';
export * from './demo-runner';
export * from './demo-client';
export * from './demo-scenario';
export * from './demo-scanner';
