export * from './event-intake.service';
export * from './capture.module';
export * from './event-parties';
export * from './captured-event.codec';
export { visibleGlns } from './event-query.service';
export * from './event-intake.module';
