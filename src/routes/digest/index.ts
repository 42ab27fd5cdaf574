import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { registerUnsubscribe } from './unsubscribe';
import { registerUnsubscribePage } from './unsubscribe-page';

/** Every operation of this area, one file each. */
export function registerDigest(app: OpenAPIHono<AppEnv>) {
  registerUnsubscribePage(app);
  registerUnsubscribe(app);
}
