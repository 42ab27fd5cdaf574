import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { registerFollow } from './follow';

export function registerUnwatchBoard(app: OpenAPIHono<AppEnv>) {
  registerFollow(app, 'delete', 'board');
}
