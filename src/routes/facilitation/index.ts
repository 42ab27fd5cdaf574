import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { registerStats } from './stats';
import { registerCreate } from './create';
import { registerList } from './list';
import { registerAnswer } from './answer';

export * from './definitions';

/** Every operation of this area, one file each. */
export function registerFacilitation(app: OpenAPIHono<AppEnv>) {
  registerStats(app);
  registerCreate(app);
  registerList(app);
  registerAnswer(app);
}
