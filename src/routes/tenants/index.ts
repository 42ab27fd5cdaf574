import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/context';
import { registerGetTenant } from './get-tenant';
import { registerListMembers } from './list-members';
import { registerUpdateMember } from './update-member';
import { registerRemoveMember } from './remove-member';
import { registerCreateInvitation } from './create-invitation';
import { registerListInvitations } from './list-invitations';
import { registerRevokeInvitation } from './revoke-invitation';
import { registerAcceptInvitation } from './accept-invitation';
import { registerListAgencies } from './list-agencies';
import { registerCreateAgency } from './create-agency';
import { registerUpdateAgency } from './update-agency';
import { registerDeleteAgency } from './delete-agency';
import { registerListApiKeys } from './list-api-keys';
import { registerCreateApiKey } from './create-api-key';
import { registerRevokeApiKey } from './revoke-api-key';
import { registerListAudit } from './list-audit';

export * from './definitions';

/** Every operation of this area, one file each. */
export function registerTenants(app: OpenAPIHono<AppEnv>) {
  registerGetTenant(app);
  registerListMembers(app);
  registerUpdateMember(app);
  registerRemoveMember(app);
  registerCreateInvitation(app);
  registerListInvitations(app);
  registerRevokeInvitation(app);
  registerAcceptInvitation(app);
  registerListAgencies(app);
  registerCreateAgency(app);
  registerUpdateAgency(app);
  registerDeleteAgency(app);
  registerListApiKeys(app);
  registerCreateApiKey(app);
  registerRevokeApiKey(app);
  registerListAudit(app);
}
