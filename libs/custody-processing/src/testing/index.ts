export * from './three-tier.scenario';
export * from './seed-three-tier';
