import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { followRoute, registerFollow } from '../discussion/follow';

export const watchBoardRoute = followRoute('put', 'board');

export function registerWatchBoard(app: OpenAPIHono<AppEnv>) {
  registerFollow(app, watchBoardRoute, 'put', 'board');
}
