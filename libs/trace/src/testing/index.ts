export * from './trace.factories';
