import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { registerCreatePartner } from './create-partner';

export * from './definitions';

/** Every operation of this area, one file each. */
export function registerPartners(app: OpenAPIHono<AppEnv>) {
  registerCreatePartner(app);
}
