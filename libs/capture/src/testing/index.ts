export * from './epcis-documents';
