import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { followRoute, registerFollow } from '../discussion/follow';

export const unwatchThreadRoute = followRoute('delete', 'thread');

export function registerUnwatchThread(app: OpenAPIHono<AppEnv>) {
  registerFollow(app, unwatchThreadRoute, 'delete', 'thread');
}
