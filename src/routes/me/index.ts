import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { registerGetMe } from './get-me';
import { registerSessions } from './sessions';
import { registerRevoke } from './revoke';
import { registerListNotifications } from './notifications-list';
import { registerSetNotifications } from './notifications-set';
import { registerDigestPreview } from './digest-preview';

export * from './definitions';

/** Every operation of this area, one file each. */
export function registerMe(app: OpenAPIHono<AppEnv>) {
  registerGetMe(app);
  registerSessions(app);
  registerRevoke(app);
  registerListNotifications(app);
  registerSetNotifications(app);
  registerDigestPreview(app);
}
