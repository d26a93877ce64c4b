export * from './engine-settings';
export * from './unique-name';
export * from './process/child-service';
