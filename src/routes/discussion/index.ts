import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { registerCreateThread } from './create-thread';
import { registerDeletePost } from './delete-post';
import { registerDismissReport } from './dismiss-report';
import { registerEditPost } from './edit-post';
import { registerGetThread } from './get-thread';
import { registerListBoards } from './list-boards';
import { registerListThreads } from './list-threads';
import { registerMarkRead } from './mark-read';
import { registerModeratePost } from './moderate-post';
import { registerModerateThread } from './moderate-thread';
import { registerMute } from './mute';
import { registerOpenConversation } from './open-conversation';
import { registerPublicDiscussion } from './public';
import { registerPublicity } from './publicity';
import { registerReply } from './reply';
import { registerReportPost } from './report-post';
import { registerReportQueue } from './report-queue';
import { registerPostRevisions } from './revisions';
import { registerSearchDiscussion } from './search';
import { registerWatch } from './watch';

/** Every operation of the discussion, one file each (the public reads in one file, the four follow switches in one). */
export function registerDiscussion(app: OpenAPIHono<AppEnv>) {
  registerListBoards(app);
  registerListThreads(app);
  registerCreateThread(app);
  registerGetThread(app);
  registerReply(app);
  registerEditPost(app);
  registerDeletePost(app);
  registerPostRevisions(app);
  registerReportPost(app);
  registerModeratePost(app);
  registerModerateThread(app);
  registerReportQueue(app);
  registerDismissReport(app);
  registerMute(app);
  registerPublicity(app);
  registerMarkRead(app);
  registerWatch(app);
  registerOpenConversation(app);
  registerSearchDiscussion(app);
  registerPublicDiscussion(app);
}
