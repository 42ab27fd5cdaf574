import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { followRoute, registerFollow } from './follow';

export const unwatchThreadRoute = followRoute('delete', 'thread');

export function registerUnwatchThread(app: OpenAPIHono<AppEnv>) {
  registerFollow(app, 'delete', 'thread');
}
