export * from './model/epcis-event';
