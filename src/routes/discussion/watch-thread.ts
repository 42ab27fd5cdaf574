import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { registerFollow } from './follow';

export function registerWatchThread(app: OpenAPIHono<AppEnv>) {
  registerFollow(app, 'put', 'thread');
}
