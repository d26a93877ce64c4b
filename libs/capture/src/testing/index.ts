export * from './epcis-documents';
export * from './capture-platform';
