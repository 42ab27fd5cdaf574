import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { problemResponses } from '../platform/errors';
import { authSecurity, TenantParams } from './common';

/**
 * The one way to declare an operation on what a tenant owns
 * (`/v1/tenants/{tenantId}/…`): signed in (a session, its cookie or an API key),
 * the tenant in the path (`TenantParams` unless the operation names more), and
 * the problems such an operation answers — 404 for outsiders (a tenant's
 * existence never leaks), 403 for a role too small, 401 anonymous, 400 bad
 * input, and for a write 409 when the data is not in a state to take it.
 * An operation file then holds only what is its own.
 */
type TenantRouteConfig = Omit<RouteConfig, 'security'> & {
  path: `/v1/tenants/{tenantId}${string}`;
};

const READ_PROBLEMS = problemResponses(400, 401, 403, 404);
const WRITE_PROBLEMS = problemResponses(400, 401, 403, 404, 409);

/** The route as declared, with the tenant's security, its path parameter unless named, and the problems. */
type TenantRoute<C extends TenantRouteConfig, Problems> = Omit<C, 'request' | 'responses'> & {
  security: typeof authSecurity;
  request: C['request'] extends { params: unknown }
    ? C['request']
    : NonNullable<C['request']> & { params: typeof TenantParams };
  responses: Problems & C['responses'];
};

function declare<C extends TenantRouteConfig, Problems>(config: C, problems: Problems) {
  const route = {
    ...config,
    security: authSecurity,
    request: { params: TenantParams, ...config.request },
    responses: { ...problems, ...config.responses },
  } as unknown as TenantRoute<C, Problems>;
  return createRoute(route);
}

/** A read of a tenant's data. */
export const tenantRead = <const C extends TenantRouteConfig>(config: C) =>
  declare(config, READ_PROBLEMS);

/** A write to a tenant's data (audited by the domain verb it calls). */
export const tenantWrite = <const C extends TenantRouteConfig>(config: C) =>
  declare(config, WRITE_PROBLEMS);
