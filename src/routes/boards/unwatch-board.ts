import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { followRoute, registerFollow } from '../discussion/follow';

export const unwatchBoardRoute = followRoute('delete', 'board');

export function registerUnwatchBoard(app: OpenAPIHono<AppEnv>) {
  registerFollow(app, unwatchBoardRoute, 'delete', 'board');
}
