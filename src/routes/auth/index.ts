import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { registerSignUp } from './sign-up';
import { registerVerify } from './verify';
import { registerSignIn } from './sign-in';
import { registerSignOut } from './sign-out';
import { registerSignOutAll } from './sign-out-all';
import { registerReset } from './reset';
import { registerConfirmReset } from './confirm-reset';

export * from './definitions';

/** Every operation of this area, one file each. */
export function registerAuth(app: OpenAPIHono<AppEnv>) {
  registerSignUp(app);
  registerVerify(app);
  registerSignIn(app);
  registerSignOut(app);
  registerSignOutAll(app);
  registerReset(app);
  registerConfirmReset(app);
}
