import { registerAdjustMeeting } from './adjust-meeting';
import { registerAnswerMeeting } from './answer-meeting';
import { registerCancelMeeting } from './cancel-meeting';
import { registerGetSchedule } from './get-schedule';
import { registerListMeetings } from './list-meetings';
import { registerMeetingOutcome } from './meeting-outcome';
import { registerMeetingSuggestions } from './meeting-suggestions';
import { registerPublishSchedule } from './publish-schedule';
import { registerRequestMeeting } from './request-meeting';
import { registerRunSchedule } from './run-schedule';
import { registerSetAvailability } from './set-availability';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { registerCalendarFeed } from './calendar-feed';
import { registerCancelRegistration } from './cancel-registration';
import { registerCreateCalendarFeed } from './create-calendar-feed';
import { registerCreateFollowUp } from './create-follow-up';
import { registerCreateForum } from './create-forum';
import { registerCreateSession } from './create-session';
import { registerDecideRegistration } from './decide-registration';
import { registerForumOutcomes } from './forum-outcomes';
import { registerGetForum } from './get-forum';
import { registerGetPublicSession } from './get-public-session';
import { registerListSessionSlots } from './list-session-slots';
import { registerGetConvenerSession } from './get-session';
import { registerInvite } from './invite';
import { registerListFollowUps } from './list-follow-ups';
import { registerListForums } from './list-forums';
import { registerListOwnRegistrations } from './list-own-registrations';
import { registerListPublicSessions } from './list-public';
import { registerListRegistrations } from './list-registrations';
import { registerRecordMinutes } from './record-minutes';
import { registerRegister } from './register';
import { registerRevokeCalendarFeed } from './revoke-calendar-feed';
import { registerSessionCalendar } from './session-calendar';
import { registerSessionOutcomes } from './session-outcomes';
import { registerSessionStatus } from './session-status';
import { registerSuggestInvitees } from './suggest-invitees';
import { registerUpdateFollowUp } from './update-follow-up';
import { registerUpdateRegistration } from './update-registration';
import { registerUpdateSession } from './update-session';

/** Forum Kerja Sama Daerah: every operation of this area, one file each. */
export function registerForums(app: OpenAPIHono<AppEnv>) {
  // public
  registerListPublicSessions(app);
  registerGetPublicSession(app);
  registerListSessionSlots(app);
  registerSessionCalendar(app);
  // the convener
  registerCreateForum(app);
  registerListForums(app);
  registerGetForum(app);
  registerForumOutcomes(app);
  registerCreateSession(app);
  registerGetConvenerSession(app);
  registerUpdateSession(app);
  registerSessionStatus(app);
  registerListRegistrations(app);
  registerDecideRegistration(app);
  registerSuggestInvitees(app);
  registerInvite(app);
  registerRecordMinutes(app);
  registerCreateFollowUp(app);
  registerSessionOutcomes(app);
  // delegations
  registerRegister(app);
  registerListOwnRegistrations(app);
  registerUpdateRegistration(app);
  registerCancelRegistration(app);
  registerListFollowUps(app);
  registerUpdateFollowUp(app);
  // bilateral meetings
  registerRequestMeeting(app);
  registerListMeetings(app);
  registerAnswerMeeting(app);
  registerCancelMeeting(app);
  registerMeetingOutcome(app);
  registerMeetingSuggestions(app);
  registerSetAvailability(app);
  registerRunSchedule(app);
  registerGetSchedule(app);
  registerAdjustMeeting(app);
  registerPublishSchedule(app);
  // calendars
  registerCreateCalendarFeed(app);
  registerRevokeCalendarFeed(app);
  registerCalendarFeed(app);
}
