import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { registerMatches } from './matches';
import { registerRecommendations } from './recommendations';
import { registerCreatePotential } from './create-potential';
import { registerListPotentials } from './list-potentials';
import { registerGetPotential } from './get-potential';
import { registerUpdatePotential } from './update-potential';
import { registerTransition } from './transition';
import { registerCreateRound } from './create-round';
import { registerListRounds } from './list-rounds';
import { registerGetRound } from './get-round';
import { registerUpdateRound } from './update-round';
import { registerDecideBatch } from './decide-batch';
import { registerGetDecision } from './get-decision';
import { registerGetProfile } from './get-profile';
import { registerPutProfile } from './put-profile';
import { registerListInterests } from './list-interests';
import { registerDecide } from './decide';
import { registerReport } from './report';

export * from './definitions';

/** Every operation of this area, one file each. */
export function registerPotentials(app: OpenAPIHono<AppEnv>) {
  registerMatches(app);
  registerRecommendations(app);
  registerCreatePotential(app);
  registerListPotentials(app);
  registerGetPotential(app);
  registerUpdatePotential(app);
  registerTransition(app);
  registerCreateRound(app);
  registerListRounds(app);
  registerGetRound(app);
  registerUpdateRound(app);
  registerDecideBatch(app);
  registerGetDecision(app);
  registerGetProfile(app);
  registerPutProfile(app);
  registerListInterests(app);
  registerDecide(app);
  registerReport(app);
}
