import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { followRoute, registerFollow } from '../discussion/follow';

export const watchThreadRoute = followRoute('put', 'thread');

export function registerWatchThread(app: OpenAPIHono<AppEnv>) {
  registerFollow(app, watchThreadRoute, 'put', 'thread');
}
