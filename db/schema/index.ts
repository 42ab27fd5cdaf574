export * from './reference';
export * from './tenants';
