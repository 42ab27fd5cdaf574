import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { registerListTenants } from './list-tenants';
import { registerVerify } from './verify';
import { registerOutbox } from './outbox';

export * from './definitions';

/** Every operation of this area, one file each. */
export function registerAdmin(app: OpenAPIHono<AppEnv>) {
  registerListTenants(app);
  registerVerify(app);
  registerOutbox(app);
}
