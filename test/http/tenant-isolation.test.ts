import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agreementActions,
  agreementParties,
  agreements,
  annualReports,
  boards,
  forumFollowUps,
  forumMeetings,
  forumRegistrations,
  forumSessions,
  forums,
  postReports,
  posts,
  proposals,
  threads,
} from '../../db/schema';
import { newId } from '../../src/platform/ids';
import {
  addMember,
  bearer,
  jsonHeaders,
  platformAdmin,
  post,
  regionTenantId,
} from '../support/actors';
import { createHarness, type Harness, type ProblemBody } from '../support/harness';
import { potentialBody } from '../support/potentials';

/**
 * The tenant-isolation matrix. Every tenant-owned route is listed here once,
 * with a valid request, and every one is called:
 *   - anonymously                              → 401
 *   - as an admin of another tenant            → 404 (existence does not leak)
 *   - with another tenant's API key            → 404
 *   - as a member whose role is too small      → 403 (where such a role exists)
 *   - with this tenant's read-only API key     → 403 where keys or the read scope do not suffice
 * A route under /v1/tenants/{tenantId} missing from this table fails the suite.
 */
type Row = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  /** the member role of tenant A that must get 403; null when every member may */
  tooSmall: 'viewer' | null;
  /** whether A's read-only key is refused (403) */
  readKeyRefused: boolean;
  /** B is a party to the child object (it sent the interest), so B reads it at its own path too */
  childSharedWithB?: true;
};

const MATRIX: Row[] = [
  { method: 'GET', path: '/v1/tenants/{tenantId}', tooSmall: null, readKeyRefused: false },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/members',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'PATCH',
    path: '/v1/tenants/{tenantId}/members/{membershipId}',
    body: { role: 'head' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'DELETE',
    path: '/v1/tenants/{tenantId}/members/{membershipId}',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/invitations',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/invitations',
    body: { email: 'baru@contoh.go.id', role: 'viewer' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'DELETE',
    path: '/v1/tenants/{tenantId}/invitations/{invitationId}',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  { method: 'GET', path: '/v1/tenants/{tenantId}/agencies', tooSmall: null, readKeyRefused: false },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/agencies',
    body: { name: 'Dinas Uji Matriks' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'PATCH',
    path: '/v1/tenants/{tenantId}/agencies/{agencyId}',
    body: { shortName: 'DUM' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'DELETE',
    path: '/v1/tenants/{tenantId}/agencies/{agencyId}',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/api-keys',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/api-keys',
    body: { name: 'Kunci uji', scopes: ['read'] },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'DELETE',
    path: '/v1/tenants/{tenantId}/api-keys/{keyId}',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/webhooks',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/webhooks',
    body: { url: 'https://93.184.215.14/sinergi' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'PATCH',
    path: '/v1/tenants/{tenantId}/webhooks/{endpointId}',
    body: { description: 'Arsip KSD' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'DELETE',
    path: '/v1/tenants/{tenantId}/webhooks/{endpointId}',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/webhooks/{endpointId}/rotate-secret',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/webhooks/{endpointId}/deliveries',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/webhooks/{endpointId}/ping',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/webhooks/{endpointId}/deliveries/{messageId}/redeliver',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/audit-log',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/potentials',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/potentials',
    body: potentialBody(),
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/potentials/{potentialId}',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'PATCH',
    path: '/v1/tenants/{tenantId}/potentials/{potentialId}',
    body: { title: 'Judul baru' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/potentials/{potentialId}/transitions',
    body: { action: 'submit' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  { method: 'GET', path: '/v1/tenants/{tenantId}/rounds', tooSmall: null, readKeyRefused: false },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/rounds',
    body: {
      title: 'Pemetaan 2027',
      periodStart: '2027-01-01',
      periodEnd: '2027-03-31',
      deadline: '2027-03-01',
    },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/rounds/{roundId}',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/decisions/{decisionId}',
    tooSmall: null,
    readKeyRefused: false,
  },
  { method: 'GET', path: '/v1/tenants/{tenantId}/profile', tooSmall: null, readKeyRefused: false },
  {
    method: 'PUT',
    path: '/v1/tenants/{tenantId}/profile',
    body: { summary: 'Kota kreatif' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/interests',
    tooSmall: 'viewer',
    readKeyRefused: false,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/interests',
    body: { potentialId: 'pot_01jd2x6v0m8kq3b7e5y4w9c1ta', message: 'Kami tertarik.' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/interests/{interestId}/decision',
    body: { decision: 'accept' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/interests/{interestId}',
    tooSmall: 'viewer',
    readKeyRefused: false,
    childSharedWithB: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/reports/mapping',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/boards',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/boards/{boardId}/threads',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/boards/{boardId}/threads',
    body: { title: 'Uji', body: 'Isi uji' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/threads/{threadId}',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/threads/{threadId}/posts',
    body: { body: 'Balasan uji' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'PATCH',
    path: '/v1/tenants/{tenantId}/posts/{postId}',
    body: { body: 'Ubahan uji' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'DELETE',
    path: '/v1/tenants/{tenantId}/posts/{postId}',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/posts/{postId}/revisions',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/posts/{postId}',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/posts/{postId}/reports',
    body: { reason: 'Uji laporan' },
    tooSmall: null,
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/posts/{postId}/moderation',
    body: { action: 'hide', reason: 'Uji' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/threads/{threadId}/moderation',
    body: { action: 'pin' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/boards/{boardId}/reports',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/boards/{boardId}/reports/{postReportId}/dismiss',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/boards/{boardId}/mutes',
    body: {
      userId: 'usr_01jd2x6v0m8kq3b7e5y4w9c1ta',
      until: '2030-01-01T00:00:00Z',
      reason: 'Uji',
    },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'PUT',
    path: '/v1/tenants/{tenantId}/boards/{boardId}/publicity',
    body: { publicRead: true },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'PUT',
    path: '/v1/tenants/{tenantId}/threads/{threadId}/read',
    body: {},
    tooSmall: null,
    readKeyRefused: true,
  },
  {
    method: 'PUT',
    path: '/v1/tenants/{tenantId}/threads/{threadId}/watch',
    tooSmall: null,
    readKeyRefused: true,
  },
  {
    method: 'DELETE',
    path: '/v1/tenants/{tenantId}/threads/{threadId}/watch',
    tooSmall: null,
    readKeyRefused: true,
  },
  {
    method: 'PUT',
    path: '/v1/tenants/{tenantId}/boards/{boardId}/watch',
    tooSmall: null,
    readKeyRefused: true,
  },
  {
    method: 'DELETE',
    path: '/v1/tenants/{tenantId}/boards/{boardId}/watch',
    tooSmall: null,
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/conversations',
    body: { subject: { type: 'interest', id: 'int_01jd2x6v0m8kq3b7e5y4w9c1ta' } },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/discussion-search?q=uji',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/annual-report-drafts/{year}',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/annual-reporting/{year}',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/annual-reports',
    body: { year: new Date().getUTCFullYear() },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/annual-reports',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/annual-reports/{reportId}',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/annual-reports/{reportId}/review',
    body: { decision: 'accept' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/potentials/{potentialId}/matches',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/recommendations',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/proposals',
    body: {
      partyA: 'ten_01jd2x6v0m8kq3b7e5y4w9c1ta',
      partyB: 'ten_01jd2x6v0m8kq3b7e5y4w9c1tb',
      note: 'Usulan',
    },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/proposals',
    tooSmall: 'viewer',
    readKeyRefused: false,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/proposals/stats',
    tooSmall: 'viewer',
    readKeyRefused: false,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/agreements',
    body: {
      title: 'Kerja sama',
      parties: ['ten_01jd2x6v0m8kq3b7e5y4w9c1ta', 'ten_01jd2x6v0m8kq3b7e5y4w9c1tb'],
      kind: 'KSDD',
    },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/agreements',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/agreements/{agreementId}',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/agreements/{agreementId}/transitions',
    body: { stage: 'berakhir' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/agreements/{agreementId}/answer',
    body: { decision: 'decline', reason: 'Tidak berminat.' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/agreements/{agreementId}/signatures',
    body: {
      stage: 'perjanjian_kerja_sama',
      signatoryName: 'Penyusup',
      signatoryPosition: 'Bukan pejabat',
      signedOn: '2026-11-01',
      document: {
        number: 'PKS/PALSU',
        date: '2026-11-01',
        start: '2026-11-01',
        end: '2027-11-01',
        burdensBudget: false,
      },
    },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/agreements/{agreementId}/actions',
    body: {
      title: 'Rapat',
      responsibleTenantId: 'ten_01jd2x6v0m8kq3b7e5y4w9c1ta', // replaced by tenant A's id below
      dueDate: '2027-01-01',
    },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'PATCH',
    path: '/v1/tenants/{tenantId}/agreements/{agreementId}/actions/{actionId}',
    body: { status: 'done' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/agreements/{agreementId}/evaluations',
    body: { date: '2026-11-01', findings: 'Baik', rating: 4 },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/agreements/{agreementId}/documents',
    body: { title: 'PKS' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/proposals/{proposalId}/answer',
    body: { decision: 'accept' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/proposals/{proposalId}',
    tooSmall: 'viewer',
    readKeyRefused: false,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/potentials/decisions',
    body: {
      kind: 'sk',
      number: 'SK/1',
      date: '2026-11-01',
      potentialIds: ['pot_01jd2x6v0m8kq3b7e5y4w9c1ta'],
    },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'PATCH',
    path: '/v1/tenants/{tenantId}/rounds/{roundId}',
    body: { status: 'closed' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  // Forum Kerja Sama Daerah: A convenes forum {forumId} with session {sessionId}; {registrationId}
  // and {followUpId} are fixtures in it (set up directly below)
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/forums',
    body: {
      title: 'Forum uji matriks',
      issues: ['pariwisata'],
      scope: 'invited',
      firstStart: '2027-06-01T09:00',
      durationMinutes: 120,
      capacity: 10,
    },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  { method: 'GET', path: '/v1/tenants/{tenantId}/forums', tooSmall: null, readKeyRefused: false },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/forums/{forumId}',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/forums/{forumId}/outcomes',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions',
    body: { start: '2027-07-01T09:00', end: '2027-07-01T12:00' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'PATCH',
    path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}',
    body: { title: 'Diubah penyusup' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/status',
    body: { status: 'cancelled', reason: 'Uji' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/registrations',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/registrations/{registrationId}/decision',
    body: { decision: 'approve' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/suggested-invitees',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/invitations',
    body: { tenantIds: ['ten_01jd2x6v0m8kq3b7e5y4w9c1ta'] },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'PUT',
    path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/minutes',
    body: { summary: 'Notulen palsu' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/follow-ups',
    body: {
      title: 'Tindak lanjut palsu',
      responsibleTenantId: 'ten_01jd2x6v0m8kq3b7e5y4w9c1ta', // replaced by tenant A's id below
      dueDate: '2027-01-01',
    },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/outcomes',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/forum-registrations',
    body: {
      sessionId: 'fss_01jd2x6v0m8kq3b7e5y4w9c1ta',
      delegates: [{ name: 'Tamu', title: 'Staf' }],
    },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/forum-registrations',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'PUT',
    path: '/v1/tenants/{tenantId}/forum-registrations/{registrationId}',
    body: { delegates: [{ name: 'Penyusup', title: 'Staf' }] },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/forum-registrations/{registrationId}',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/forum-registrations/{registrationId}/cancel',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/follow-ups',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'PATCH',
    path: '/v1/tenants/{tenantId}/follow-ups/{followUpId}',
    body: { status: 'done' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/follow-ups/{followUpId}',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/calendar-feed',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'DELETE',
    path: '/v1/tenants/{tenantId}/calendar-feed',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/calendar-feeds',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  // bilateral meetings: {meetingId} is A's meeting with C in A's session
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/forum-meetings',
    body: {
      sessionId: 'fss_01jd2x6v0m8kq3b7e5y4w9c1ta',
      withTenantId: 'ten_01jd2x6v0m8kq3b7e5y4w9c1ta',
    },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/forum-meetings',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/forum-meetings/{meetingId}/answer',
    body: { decision: 'accept' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/forum-meetings/{meetingId}/cancel',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/forum-meetings/{meetingId}/outcome',
    body: { outcome: 'held' },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/forum-meetings/{meetingId}',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/forum-registrations/{registrationId}/meeting-suggestions',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'PUT',
    path: '/v1/tenants/{tenantId}/forum-registrations/{registrationId}/availability',
    body: { unavailable: [] },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/schedule',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'GET',
    path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/schedule',
    tooSmall: null,
    readKeyRefused: false,
  },
  {
    method: 'PATCH',
    path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/meetings/{meetingId}',
    body: { locked: true },
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
  {
    method: 'POST',
    path: '/v1/tenants/{tenantId}/forums/{forumId}/sessions/{sessionId}/schedule/publish',
    tooSmall: 'viewer',
    readKeyRefused: true,
  },
];

let h: Harness;
const ids: Record<string, string> = {};
const tokens: Record<'adminB' | 'viewerA' | 'keyB' | 'readKeyA' | 'tenantB', string> = {
  tenantB: '',
  adminB: '',
  viewerA: '',
  keyB: '',
  readKeyA: '',
};

beforeAll(async () => {
  h = await createHarness();
  const platform = await platformAdmin(h);
  ids.tenantId = await regionTenantId(h, '32.73'); // Kota Bandung
  const tenantB = await regionTenantId(h, '35.78'); // Kota Surabaya
  const adminA = await addMember(h, platform.token, ids.tenantId, 'admin');
  const adminB = await addMember(h, platform.token, tenantB, 'admin');
  const viewerA = await addMember(h, adminA.token, ids.tenantId, 'viewer');
  tokens.adminB = adminB.token;
  tokens.viewerA = viewerA.token;
  ids.membershipId = viewerA.membershipId;

  const agency = await post(
    h,
    `/v1/tenants/${ids.tenantId}/agencies`,
    { name: 'Dinas Pariwisata' },
    adminA.token,
  );
  ids.agencyId = ((await agency.json()) as { id: string }).id;
  const invitation = await post(
    h,
    `/v1/tenants/${ids.tenantId}/invitations`,
    { email: 'tertunda@contoh.go.id', role: 'viewer' },
    adminA.token,
  );
  ids.invitationId = ((await invitation.json()) as { id: string }).id;
  const readKey = await post(
    h,
    `/v1/tenants/${ids.tenantId}/api-keys`,
    { name: 'Baca saja', scopes: ['read'] },
    adminA.token,
  );
  const readKeyBody = (await readKey.json()) as { id: string; token: string };
  ids.keyId = readKeyBody.id;
  tokens.readKeyA = readKeyBody.token;
  const keyB = await post(
    h,
    `/v1/tenants/${tenantB}/api-keys`,
    { name: 'Kunci B', scopes: ['read', 'write'] },
    adminB.token,
  );
  tokens.keyB = ((await keyB.json()) as { token: string }).token;
  // a webhook endpoint, off (nothing is sent to it from this file)
  const endpoint = await post(
    h,
    `/v1/tenants/${ids.tenantId}/webhooks`,
    { url: 'https://93.184.215.14/sinergi' },
    adminA.token,
  );
  expect(endpoint.status, await endpoint.clone().text()).toBe(201);
  ids.endpointId = ((await endpoint.json()) as { id: string }).id;
  const off = await h.request(`/v1/tenants/${ids.tenantId}/webhooks/${ids.endpointId}`, {
    method: 'PATCH',
    headers: jsonHeaders(adminA.token),
    body: JSON.stringify({ enabled: false }),
  });
  expect(off.status).toBe(200);
  const ping = await post(
    h,
    `/v1/tenants/${ids.tenantId}/webhooks/${ids.endpointId}/ping`,
    {},
    adminA.token,
  );
  expect(ping.status).toBe(202);
  ids.messageId = ((await ping.json()) as { id: string }).id;

  const round = await post(
    h,
    `/v1/tenants/${ids.tenantId}/rounds`,
    {
      title: 'Pemetaan 2026',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      deadline: '2026-12-01',
    },
    adminA.token,
  );
  ids.roundId = ((await round.json()) as { id: string }).id;
  const potential = await post(
    h,
    `/v1/tenants/${ids.tenantId}/potentials`,
    potentialBody(),
    adminA.token,
  );
  ids.potentialId = ((await potential.json()) as { id: string }).id;
  ids.decisionId = newId('decision');
  await h.client.query(
    `insert into mapping_decisions (id, tenant_id, kind, number, date, potential_ids, created_by)
     values ($1, $2, 'berita_acara', 'BA/1/2026', '2026-06-01', array[$3], $4)`,
    [ids.decisionId, ids.tenantId, ids.potentialId, adminA.userId],
  );
  // an interest received by A, from B (set up directly: the flow itself is tested elsewhere)
  await h.client.query(
    `update potentials set status = 'published', published_at = now() where id = $1`,
    [ids.potentialId],
  );
  const interest = await post(
    h,
    `/v1/catalog/potentials/${ids.potentialId}/interests`,
    { fromTenantId: tenantB, message: 'Kami tertarik.' },
    adminB.token,
  );
  expect(interest.status, await interest.clone().text()).toBe(201);
  ids.interestId = ((await interest.json()) as { id: string }).id;
  // Tenant A's own proposal, agreement (with a third region, C) and action: real rows, so a
  // denial can never be a 404 for a missing object. Set up directly; the flows are tested elsewhere.
  const tenantC = await regionTenantId(h, '32.04'); // Kabupaten Bandung
  const province = await regionTenantId(h, '32');
  const now = new Date();
  ids.proposalId = newId('proposal');
  await h.db.insert(proposals).values({
    id: ids.proposalId,
    facilitatorTenantId: province,
    proposedBy: adminA.userId,
    partyA: ids.tenantId,
    partyB: tenantC,
    note: 'Usulan uji matriks',
    expiresAt: new Date(now.getTime() + 14 * 86400_000),
    validityDays: 14,
  });
  ids.agreementId = newId('agreement');
  await h.db.insert(agreements).values({
    id: ids.agreementId,
    title: 'Kerja sama uji matriks',
    kind: 'KSDD',
    affairs: [],
    issues: [],
    createdBy: adminA.userId,
    confirmedAt: now,
  });
  await h.db.insert(agreementParties).values([
    { agreementId: ids.agreementId, tenantId: ids.tenantId, status: 'confirmed' },
    { agreementId: ids.agreementId, tenantId: tenantC, status: 'invited' },
  ]);
  ids.actionId = newId('action');
  await h.db.insert(agreementActions).values({
    id: ids.actionId,
    agreementId: ids.agreementId,
    title: 'Rapat koordinasi',
    responsibleTenantId: ids.tenantId,
    dueDate: '2027-01-01',
  });
  // A's forum, a session of it, a registration of A's own in it, and a follow-up A is responsible for
  ids.forumId = newId('forum');
  await h.db.insert(forums).values({
    id: ids.forumId,
    tenantId: ids.tenantId,
    title: 'Forum uji matriks',
    issues: ['pariwisata'],
    affairs: [],
    scope: 'invited',
    invitedTenantIds: [],
    timeZone: 'Asia/Jakarta',
    durationMinutes: 120,
    capacity: 10,
    registrationOpensDays: 30,
    registrationClosesDays: 1,
    createdBy: adminA.userId,
  });
  ids.sessionId = newId('forumSession');
  await h.db.insert(forumSessions).values({
    id: ids.sessionId,
    forumId: ids.forumId,
    tenantId: ids.tenantId,
    title: 'Sesi uji matriks',
    status: 'held',
    startsAt: new Date(now.getTime() - 86400_000),
    endsAt: new Date(now.getTime() - 80000_000),
    timeZone: 'Asia/Jakarta',
    capacity: 10,
    autoApprove: false,
    registrationOpensAt: new Date(now.getTime() - 30 * 86400_000),
    registrationClosesAt: new Date(now.getTime() - 2 * 86400_000),
  });
  ids.registrationId = newId('registration');
  await h.db.insert(forumRegistrations).values({
    id: ids.registrationId,
    sessionId: ids.sessionId,
    tenantId: ids.tenantId,
    status: 'pending',
    potentialIds: [],
    seeksIssues: [],
    seeksAffairs: [],
    createdBy: adminA.userId,
  });
  ids.year = String(new Date().getUTCFullYear());
  ids.reportId = newId('report');
  await h.db.insert(annualReports).values({
    id: ids.reportId,
    tenantId: ids.tenantId,
    provinceCode: '32',
    year: Number(ids.year),
    version: 1,
    scope: 'region',
    status: 'submitted',
    content: {},
    submittedBy: adminA.userId,
    submittedAt: now,
  });
  // a private conversation of Bandung and Kabupaten Bandung, with a thread, a post and a report
  ids.boardId = newId('board');
  await h.db.insert(boards).values({
    id: ids.boardId,
    kind: 'interest',
    subjectId: 'int_01jd2x6v0m8kq3b7e5y4w9c1tz',
    titleId: 'Percakapan uji',
    titleEn: 'Test conversation',
    memberTenantIds: [ids.tenantId, tenantC],
    lastActivityAt: now,
    createdAt: now,
  });
  ids.threadId = newId('thread');
  await h.db.insert(threads).values({
    id: ids.threadId,
    boardId: ids.boardId,
    title: 'Utas uji',
    authorUserId: adminA.userId,
    authorTenantId: ids.tenantId,
    postCount: 1,
    lastPostAt: now,
    createdAt: now,
  });
  ids.postId = newId('post');
  await h.db.insert(posts).values({
    id: ids.postId,
    threadId: ids.threadId,
    boardId: ids.boardId,
    authorUserId: adminA.userId,
    authorTenantId: ids.tenantId,
    body: 'Isi uji',
    bodyHtml: '<p>Isi uji</p>',
    createdAt: now,
  });
  ids.postReportId = newId('flag');
  await h.db.insert(postReports).values({
    id: ids.postReportId,
    postId: ids.postId,
    boardId: ids.boardId,
    reporterUserId: adminA.userId,
    reason: 'Uji',
    createdAt: now,
  });
  ids.followUpId = newId('followUp');
  await h.db.insert(forumFollowUps).values({
    id: ids.followUpId,
    sessionId: ids.sessionId,
    title: 'Tindak lanjut uji',
    responsibleTenantId: ids.tenantId,
    dueDate: '2027-01-01',
    createdBy: adminA.userId,
  });
  ids.meetingId = newId('meeting');
  await h.db.insert(forumMeetings).values({
    id: ids.meetingId,
    sessionId: ids.sessionId,
    requesterTenantId: tenantC,
    recipientTenantId: ids.tenantId,
    status: 'requested',
    expiresAt: new Date(now.getTime() + 86400_000),
    createdBy: adminA.userId,
  });
  for (const row of MATRIX)
    if (row.body && typeof row.body === 'object' && 'responsibleTenantId' in row.body)
      (row.body as { responsibleTenantId: string }).responsibleTenantId = ids.tenantId;
  tokens.tenantB = tenantB;
  auditRowsBefore = await countAuditRows();
}, 120_000);

let auditRowsBefore = 0;
const countAuditRows = async () =>
  (await h.client.query<{ n: number }>('select count(*)::int as n from audit_log')).rows[0]!.n;

afterAll(async () => {
  await h.close();
});

const fill = (path: string, tenantId = ids.tenantId!) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'tenantId' ? tenantId : ids[name]!));

async function call(row: Row, token?: string, tenantId?: string) {
  const init: RequestInit = {
    method: row.method,
    headers: row.body === undefined ? (token ? bearer(token) : {}) : jsonHeaders(token),
  };
  if (row.body !== undefined) init.body = JSON.stringify(row.body);
  return h.request(fill(row.path, tenantId), init);
}
// a year is not another tenant's object: the same year in one's own path is one's own
const hasChildId = (row: Row) => /\{(?!tenantId\}|year\})\w+\}/.test(row.path);

describe('tenant isolation matrix', () => {
  it('covers every tenant-owned route in the OpenAPI document', async () => {
    const { body } = await h.json<{ paths: Record<string, Record<string, unknown>> }>(
      '/openapi.json',
    );
    const documented = Object.entries(body.paths)
      .filter(([path]) => path.startsWith('/v1/tenants/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(MATRIX.map((r) => `${r.method} ${r.path.split('?')[0]}`).sort()).toEqual(documented);
  });

  describe.each(MATRIX)('$method $path', (row) => {
    it('anonymous → 401', async () => {
      const res = await call(row);
      expect(res.status).toBe(401);
      expect(((await res.json()) as ProblemBody).code).toBe('UNAUTHORIZED');
    });

    it('an admin of another tenant → 404', async () => {
      const res = await call(row, tokens.adminB);
      expect(res.status).toBe(404);
    });

    it.runIf(hasChildId(row) && !row.childSharedWithB)(
      'my own tenant’s path, another tenant’s child id → 404',
      async () => {
        const res = await call(row, tokens.adminB, tokens.tenantB);
        expect(res.status, await res.clone().text()).toBe(404);
      },
    );

    it('another tenant’s API key → 404', async () => {
      const res = await call(row, tokens.keyB);
      expect(res.status).toBe(404);
    });

    it.runIf(row.tooSmall)('a member with too small a role → 403', async () => {
      const res = await call(row, tokens.viewerA);
      expect(res.status).toBe(403);
      expect(((await res.json()) as ProblemBody).code).toBe('FORBIDDEN');
    });

    it.runIf(row.readKeyRefused)('this tenant’s read-only API key → 403', async () => {
      const res = await call(row, tokens.readKeyA);
      expect(res.status).toBe(403);
    });
  });

  it('denied requests changed nothing: not one audit row was written', async () => {
    expect(await countAuditRows()).toBe(auditRowsBefore);
  });
});
