export * from './engine-settings';
export * from './unique-name';
