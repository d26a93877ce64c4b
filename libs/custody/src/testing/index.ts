/** Test helpers for @pharmatrace/custody and its callers (not for production code). */
export * from './custody.factories';
export * from './custody-events.factory';
export * from './custody-store.fake';
export * from './custody-world';
