import { z } from 'zod';

/**
 * The domain events (pure; no I/O): one typed list, a payload schema each, and
 * what each means for the people told of it. It is the single source the inbox,
 * emails, digests and webhooks read.
 *
 * - `kind`: an `action` asks something of them (until the state changes and the
 *   item closes itself), an `info` tells them something.
 * - `audience`: who in each concerned tenant is told, decided at delivery from
 *   the memberships then: `deciders` (a region's TKKSD secretariat and head; a
 *   partner's admins), `admins` (the secretariat), `agency` (the liaisons of
 *   the potential's agency, else the secretariat), `forum` (those who act for
 *   the tenant at forums: a region's secretariat, liaisons and head; a
 *   partner's admins and members).
 * - `closes`: open items of these types on the same object close, for the
 *   tenants in `closeTenantIds` (default: the concerned tenants).
 * - `operation`: the API operation that answers an action item.
 * - `ownEmail`: the change sends its own email; the inbox does not email it again.
 */
const Text = z.object({ id: z.string(), en: z.string() });

export const EVENT_TYPES = {
  'interest.received': {
    kind: 'action',
    audience: 'deciders',
    object: 'interest',
    operation: 'decideInterest',
    closes: [],
    payload: z.object({ potentialTitle: z.string(), from: z.string() }),
    text: (p: { potentialTitle: string; from: string }) => ({
      id: `${p.from} menyatakan minat pada potensi “${p.potentialTitle}”. Mohon diterima atau ditolak.`,
      en: `${p.from} expressed an interest in “${p.potentialTitle}”. Please accept or decline it.`,
    }),
  },
  'interest.decided': {
    kind: 'info',
    audience: 'admins',
    object: 'interest',
    operation: null,
    closes: ['interest.received'],
    payload: z.object({
      potentialTitle: z.string(),
      owner: z.string(),
      decision: z.enum(['accepted', 'declined']),
    }),
    text: (p: { potentialTitle: string; owner: string; decision: 'accepted' | 'declined' }) => ({
      id: `${p.owner} ${p.decision === 'accepted' ? 'menerima' : 'menolak'} minat Anda pada potensi “${p.potentialTitle}”.`,
      en: `${p.owner} ${p.decision} your interest in “${p.potentialTitle}”.`,
    }),
  },
  'agreement.party_named': {
    kind: 'action',
    audience: 'deciders',
    object: 'agreement',
    operation: 'answerAgreement',
    closes: [],
    payload: z.object({ title: z.string(), by: z.string() }),
    text: (p: { title: string; by: string }) => ({
      id: `${p.by} menyebut daerah atau organisasi Anda sebagai pihak dalam kerja sama “${p.title}”. Mohon dikonfirmasi atau ditolak.`,
      en: `${p.by} named you as a party to the cooperation “${p.title}”. Please confirm or decline.`,
    }),
  },
  'agreement.answered': {
    kind: 'info',
    audience: 'admins',
    object: 'agreement',
    operation: null,
    closes: ['agreement.party_named'],
    payload: z.object({
      title: z.string(),
      party: z.string(),
      decision: z.enum(['confirmed', 'declined']),
    }),
    text: (p: { title: string; party: string; decision: 'confirmed' | 'declined' }) => ({
      id: `${p.party} ${p.decision === 'confirmed' ? 'mengonfirmasi' : 'menolak'} keikutsertaannya dalam kerja sama “${p.title}”.`,
      en: `${p.party} ${p.decision} taking part in the cooperation “${p.title}”.`,
    }),
  },
  'agreement.signature_awaited': {
    kind: 'action',
    audience: 'deciders',
    object: 'agreement',
    operation: 'signAgreement',
    closes: ['agreement.signature_awaited'],
    payload: z.object({ title: z.string(), document: Text, signer: z.string() }),
    text: (p: { title: string; document: { id: string; en: string }; signer: string }) => ({
      id: `${p.signer} telah menandatangani ${p.document.id} kerja sama “${p.title}”; tanda tangan pihak Anda ditunggu.`,
      en: `${p.signer} signed the ${p.document.en} of the cooperation “${p.title}”; your signature is awaited.`,
    }),
  },
  'proposal.received': {
    kind: 'action',
    // the proposal email already tells them (src/facilitation/proposals.ts): not emailed again
    ownEmail: true,
    audience: 'deciders',
    object: 'proposal',
    operation: 'answerProposal',
    closes: [],
    payload: z.object({ facilitator: z.string(), other: z.string() }),
    text: (p: { facilitator: string; other: string }) => ({
      id: `${p.facilitator} mengusulkan kerja sama dengan ${p.other}. Mohon diterima atau ditolak.`,
      en: `${p.facilitator} proposes a cooperation with ${p.other}. Please accept or decline.`,
    }),
  },
  'proposal.answered': {
    kind: 'info',
    audience: 'admins',
    object: 'proposal',
    operation: null,
    closes: ['proposal.received'],
    payload: z.object({ party: z.string(), decision: z.enum(['accepted', 'declined']) }),
    text: (p: { party: string; decision: 'accepted' | 'declined' }) => ({
      id: `${p.party} ${p.decision === 'accepted' ? 'menerima' : 'menolak'} usulan kerja sama.`,
      en: `${p.party} ${p.decision} the cooperation proposal.`,
    }),
  },
  'proposal.expired': {
    kind: 'info',
    audience: 'admins',
    object: 'proposal',
    operation: null,
    closes: ['proposal.received'],
    payload: z.object({ parties: z.string() }),
    text: (p: { parties: string }) => ({
      id: `Usulan kerja sama antara ${p.parties} berakhir tanpa jawaban lengkap.`,
      en: `The cooperation proposal between ${p.parties} expired without a full answer.`,
    }),
  },
  'meeting.requested': {
    kind: 'action',
    audience: 'forum',
    object: 'forum_meeting',
    operation: 'answerForumMeeting',
    closes: [],
    payload: z.object({ from: z.string(), session: z.string() }),
    text: (p: { from: string; session: string }) => ({
      id: `${p.from} meminta pertemuan bilateral pada sesi forum “${p.session}”. Mohon diterima atau ditolak sebelum permintaan kedaluwarsa.`,
      en: `${p.from} requests a bilateral meeting at the forum session “${p.session}”. Please accept or decline before the request expires.`,
    }),
  },
  'meeting.answered': {
    kind: 'info',
    audience: 'forum',
    object: 'forum_meeting',
    operation: null,
    closes: ['meeting.requested'],
    payload: z.object({
      by: z.string(),
      session: z.string(),
      decision: z.enum(['accepted', 'declined']),
    }),
    text: (p: { by: string; session: string; decision: 'accepted' | 'declined' }) => ({
      id: `${p.by} ${p.decision === 'accepted' ? 'menerima' : 'menolak'} permintaan pertemuan bilateral Anda pada sesi forum “${p.session}”.`,
      en: `${p.by} ${p.decision} your bilateral meeting request at the forum session “${p.session}”.`,
    }),
  },
  'meeting.expired': {
    kind: 'info',
    audience: 'forum',
    object: 'forum_meeting',
    operation: null,
    closes: ['meeting.requested'],
    payload: z.object({ with: z.string(), session: z.string() }),
    text: (p: { with: string; session: string }) => ({
      id: `Permintaan pertemuan bilateral dengan ${p.with} pada sesi forum “${p.session}” kedaluwarsa tanpa jawaban.`,
      en: `The bilateral meeting request to ${p.with} at the forum session “${p.session}” expired unanswered.`,
    }),
  },
  'annual_report.submitted': {
    kind: 'action',
    audience: 'admins',
    object: 'annual_report',
    operation: 'reviewAnnualReport',
    // the annual-report email already tells them
    ownEmail: true,
    // a new version answers the earlier one's return, and supersedes its review (an interim)
    closes: ['annual_report.returned', 'annual_report.submitted'],
    payload: z.object({ region: z.string(), year: z.number().int() }),
    text: (p: { region: string; year: number }) => ({
      id: `${p.region} menyampaikan laporan tahunan kerja sama daerah tahun ${p.year}. Mohon ditelaah: diterima atau dikembalikan.`,
      en: `${p.region} submitted its ${p.year} annual cooperation report. Please review it: accept or return it.`,
    }),
  },
  'annual_report.returned': {
    kind: 'action',
    audience: 'admins',
    object: 'annual_report',
    operation: 'submitAnnualReport',
    ownEmail: true,
    closes: ['annual_report.submitted'],
    payload: z.object({ province: z.string(), year: z.number().int(), note: z.string() }),
    text: (p: { province: string; year: number; note: string }) => ({
      id: `${p.province} mengembalikan laporan tahunan tahun ${p.year} untuk diperbaiki: ${p.note}`,
      en: `${p.province} returned the ${p.year} annual report for correction: ${p.note}`,
    }),
  },
  'annual_report.accepted': {
    kind: 'info',
    audience: 'admins',
    object: 'annual_report',
    operation: null,
    ownEmail: true,
    closes: ['annual_report.submitted'],
    payload: z.object({ province: z.string(), year: z.number().int() }),
    text: (p: { province: string; year: number }) => ({
      id: `${p.province} menerima laporan tahunan kerja sama daerah tahun ${p.year}.`,
      en: `${p.province} accepted the ${p.year} annual cooperation report.`,
    }),
  },
  'potential.returned': {
    kind: 'action',
    audience: 'agency',
    object: 'potential',
    operation: 'updatePotential',
    closes: [],
    payload: z.object({ title: z.string(), reason: z.string(), agencyId: z.string().nullable() }),
    text: (p: { title: string; reason: string }) => ({
      id: `Potensi “${p.title}” dikembalikan untuk diperbaiki: ${p.reason}`,
      en: `The potential “${p.title}” was returned for revision: ${p.reason}`,
    }),
  },
  'potential.resubmitted': {
    kind: 'info',
    audience: 'admins',
    object: 'potential',
    operation: null,
    closes: ['potential.returned'],
    payload: z.object({ title: z.string() }),
    text: (p: { title: string }) => ({
      id: `Potensi “${p.title}” diajukan kembali setelah diperbaiki.`,
      en: `The potential “${p.title}” was submitted again after revision.`,
    }),
  },
} as const;

export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as [EventType, ...EventType[]];
export type PayloadOf<T extends EventType> = z.infer<(typeof EVENT_TYPES)[T]['payload']>;

/** What an item of this event says, in both languages (the payload checked against its schema). */
export function textOf(type: EventType, payload: unknown): { id: string; en: string } {
  const spec = EVENT_TYPES[type];
  return (spec.text as (p: unknown) => { id: string; en: string })(spec.payload.parse(payload));
}
