import type { Db } from '../../db/client';
import type { AppConfig } from '../config/env';
import type { Lang } from './i18n';
import type { Logger } from './logger';

/** Clients the app is given rather than builds: tests pass their own. */
export interface AppDeps {
  config: AppConfig;
  /** Called once per request. Node hands out its one shared database; Workers open a Pool per request. */
  openDb: () => { db: Db; release?: () => Promise<void> };
  logger: Logger;
  clock?: () => Date;
  /** How the offline API-reference bundle is served (Node reads it from node_modules; Workers use static assets). */
  scalarScript?: () => Promise<Response>;
}

/** What a domain verb needs to know about the request it serves. */
export interface Ctx {
  db: Db;
  lang: Lang;
  requestId: string;
  logger: Logger;
  now: () => Date;
}

export type AppEnv = {
  Variables: {
    requestId: string;
    lang: Lang;
    ctx: Ctx;
  };
};
