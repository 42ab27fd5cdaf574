export * from './reference';
export * from './tenants';
export * from './identity';
