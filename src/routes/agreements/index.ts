import { registerAnswerAgreement } from './answer';
import { registerSignAgreement } from './sign';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { registerCreate } from './create';
import { registerList } from './list';
import { registerGet } from './get';
import { registerTransition } from './transition';
import { registerAction } from './action';
import { registerUpdateAction } from './update-action';
import { registerEvaluation } from './evaluation';
import { registerDocument } from './document';

/** Every operation of this area, one file each. */
export function registerAgreements(app: OpenAPIHono<AppEnv>) {
  registerAnswerAgreement(app);
  registerSignAgreement(app);
  registerCreate(app);
  registerList(app);
  registerGet(app);
  registerTransition(app);
  registerAction(app);
  registerUpdateAction(app);
  registerEvaluation(app);
  registerDocument(app);
}
