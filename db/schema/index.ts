export * from './reference';
export * from './tenants';
export * from './identity';
export * from './potentials';
export * from './facilitation';
export * from './agreements';
export * from './matching';
export * from './forums';
