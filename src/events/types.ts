import { z } from 'zod';
import { spokenDate } from '../platform/date-rules';

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
 *   partner's admins and members), `liaisons` (the tenant's liaisons of every
 *   agency, else the secretariat), `named` (the people in the payload's
 *   `userIds`, while they are members).
 * - `closes`: open items of these types on the same object close, for the
 *   tenants in `closeTenantIds` (default: the concerned tenants).
 * - `operation`: the API operation that answers an action item.
 * - `ownEmail`: the change sends its own email; the inbox does not email it again.
 * - `emailNow`: news emailed at once by default (else news waits for the digest).
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
    // news the reader acts on next: emailed at once by default, as what is asked
    emailNow: true,
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
    // news the reader acts on next: emailed at once by default, as what is asked
    emailNow: true,
    audience: 'forum',
    object: 'forum_meeting',
    operation: null,
    closes: ['meeting.requested', 'meeting.expiring'],
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
    closes: ['meeting.requested', 'meeting.expiring'],
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
  'discussion.mentioned': {
    kind: 'info',
    audience: 'named',
    object: 'post',
    operation: null,
    // the discussion email already tells them
    ownEmail: true,
    closes: [],
    payload: z.object({ thread: z.string(), author: z.string(), userIds: z.array(z.string()) }),
    text: (p: { thread: string; author: string }) => ({
      id: `${p.author} menyebut Anda dalam diskusi “${p.thread}”.`,
      en: `${p.author} mentioned you in the discussion “${p.thread}”.`,
    }),
  },
  'potential.published': {
    kind: 'info',
    audience: 'agency',
    object: 'potential',
    operation: null,
    closes: [],
    payload: z.object({ title: z.string(), agencyId: z.string().nullable() }),
    text: (p: { title: string }) => ({
      id: `Potensi “${p.title}” telah dipublikasikan di katalog kerja sama.`,
      en: `The potential “${p.title}” was published in the cooperation catalogue.`,
    }),
  },
  'meeting.cancelled': {
    kind: 'info',
    // news the reader acts on next: emailed at once by default, as what is asked
    emailNow: true,
    audience: 'forum',
    object: 'forum_meeting',
    operation: null,
    closes: ['meeting.requested', 'meeting.expiring'],
    payload: z.object({ by: z.string(), session: z.string(), withdrawn: z.boolean() }),
    text: (p: { by: string; session: string; withdrawn: boolean }) => ({
      id: p.withdrawn
        ? `${p.by} mengundurkan diri dari sesi forum “${p.session}”; pertemuan bilateral dengannya dibatalkan.`
        : `${p.by} membatalkan pertemuan bilateral pada sesi forum “${p.session}”.`,
      en: p.withdrawn
        ? `${p.by} withdrew from the forum session “${p.session}”; the bilateral meeting with it is cancelled.`
        : `${p.by} cancelled the bilateral meeting at the forum session “${p.session}”.`,
    }),
  },
  'meeting.expiring': {
    kind: 'action',
    audience: 'forum',
    object: 'forum_meeting',
    operation: 'answerForumMeeting',
    closes: ['meeting.requested'],
    payload: z.object({ from: z.string(), session: z.string() }),
    text: (p: { from: string; session: string }) => ({
      id: `Permintaan pertemuan bilateral dari ${p.from} pada sesi forum “${p.session}” kedaluwarsa dalam 24 jam. Mohon segera diterima atau ditolak.`,
      en: `The bilateral meeting request from ${p.from} at the forum session “${p.session}” expires within 24 hours. Please accept or decline it now.`,
    }),
  },
  'registration.received': {
    kind: 'action',
    audience: 'admins',
    object: 'forum_registration',
    operation: 'decideForumRegistration',
    // the convener's review email already tells them
    ownEmail: true,
    closes: [],
    payload: z.object({ tenant: z.string(), session: z.string() }),
    text: (p: { tenant: string; session: string }) => ({
      id: `${p.tenant} mendaftar pada sesi forum “${p.session}”. Mohon disetujui atau ditolak.`,
      en: `${p.tenant} registered for the forum session “${p.session}”. Please approve or decline.`,
    }),
  },
  'registration.decided': {
    kind: 'info',
    audience: 'forum',
    object: 'forum_registration',
    operation: null,
    // the registration email already tells them
    ownEmail: true,
    closes: ['registration.received'],
    payload: z.object({
      session: z.string(),
      decision: z.enum(['approved', 'declined', 'waitlisted', 'promoted', 'promoted_pending']),
      reason: z.string().nullable(),
    }),
    text: (p: {
      session: string;
      decision: 'approved' | 'declined' | 'waitlisted' | 'promoted' | 'promoted_pending';
      reason: string | null;
    }) => {
      const why = p.reason ? ` Alasan: ${p.reason}` : '';
      const because = p.reason ? ` Reason: ${p.reason}` : '';
      return {
        approved: {
          id: `Pendaftaran delegasi Anda pada sesi forum “${p.session}” disetujui.`,
          en: `Your delegation’s registration for the forum session “${p.session}” was approved.`,
        },
        declined: {
          id: `Pendaftaran delegasi Anda pada sesi forum “${p.session}” ditolak.${why}`,
          en: `Your delegation’s registration for the forum session “${p.session}” was declined.${because}`,
        },
        waitlisted: {
          id: `Sesi forum “${p.session}” penuh; delegasi Anda masuk daftar tunggu.`,
          en: `The forum session “${p.session}” is full; your delegation is on the waiting list.`,
        },
        promoted: {
          id: `Delegasi Anda mendapat tempat pada sesi forum “${p.session}” dari daftar tunggu.`,
          en: `Your delegation got a place at the forum session “${p.session}” from the waiting list.`,
        },
        promoted_pending: {
          id: `Delegasi Anda naik dari daftar tunggu sesi forum “${p.session}” dan kini menunggu persetujuan penyelenggara.`,
          en: `Your delegation moved up from the waiting list of the forum session “${p.session}” and now awaits the convener’s approval.`,
        },
      }[p.decision];
    },
  },
  'round.opened': {
    kind: 'action',
    audience: 'liaisons',
    object: 'mapping_round',
    operation: 'createPotential',
    closes: [],
    payload: z.object({ title: z.string(), deadline: z.string() }),
    text: (p: { title: string; deadline: string }) => ({
      id: `Putaran pemetaan potensi kerja sama “${p.title}” dibuka. Usulan potensi dari perangkat daerah Anda ditunggu paling lambat ${spokenDate(p.deadline, 'id')}.`,
      en: `The cooperation potential mapping round “${p.title}” is open. Your agency’s potentials are awaited by ${spokenDate(p.deadline, 'en')}.`,
    }),
  },
  'round.deadline_near': {
    kind: 'action',
    audience: 'liaisons',
    object: 'mapping_round',
    operation: 'createPotential',
    closes: ['round.opened', 'round.deadline_near'],
    payload: z.object({ title: z.string(), deadline: z.string(), days: z.number().int() }),
    text: (p: { title: string; deadline: string; days: number }) => ({
      id: `Batas waktu putaran pemetaan “${p.title}” tinggal ${p.days === 1 ? 'satu hari' : `${p.days} hari`} lagi, pada ${spokenDate(p.deadline, 'id')}.`,
      en: `The mapping round “${p.title}” closes in ${p.days === 1 ? 'one day' : `${p.days} days`}, on ${spokenDate(p.deadline, 'en')}.`,
    }),
  },
  'follow_up.assigned': {
    kind: 'action',
    audience: 'admins',
    object: 'forum_follow_up',
    operation: 'updateForumFollowUp',
    closes: [],
    payload: z.object({ title: z.string(), session: z.string(), dueDate: z.string() }),
    text: (p: { title: string; session: string; dueDate: string }) => ({
      id: `Tindak lanjut sesi forum “${p.session}” menjadi tanggung jawab Anda: ${p.title}. Tenggat ${spokenDate(p.dueDate, 'id')}.`,
      en: `A follow-up of the forum session “${p.session}” is yours: ${p.title}. Due on ${spokenDate(p.dueDate, 'en')}.`,
    }),
  },
  'follow_up.due': {
    kind: 'action',
    audience: 'admins',
    object: 'forum_follow_up',
    operation: 'updateForumFollowUp',
    closes: ['follow_up.assigned', 'follow_up.due'],
    payload: z.object({ title: z.string(), dueDate: z.string(), overdue: z.boolean() }),
    text: (p: { title: string; dueDate: string; overdue: boolean }) => ({
      id: p.overdue
        ? `Tindak lanjut forum “${p.title}” melewati tenggat ${spokenDate(p.dueDate, 'id')}.`
        : `Tindak lanjut forum “${p.title}” jatuh tempo ${spokenDate(p.dueDate, 'id')}.`,
      en: p.overdue
        ? `The forum follow-up “${p.title}” is overdue since ${spokenDate(p.dueDate, 'en')}.`
        : `The forum follow-up “${p.title}” is due on ${spokenDate(p.dueDate, 'en')}.`,
    }),
  },
  'follow_up.completed': {
    kind: 'info',
    audience: 'admins',
    object: 'forum_follow_up',
    operation: null,
    closes: ['follow_up.assigned', 'follow_up.due'],
    payload: z.object({ title: z.string(), by: z.string(), status: z.enum(['done', 'dropped']) }),
    text: (p: { title: string; by: string; status: 'done' | 'dropped' }) => ({
      id: `${p.by} ${p.status === 'done' ? 'menyelesaikan' : 'membatalkan'} tindak lanjut forum “${p.title}”.`,
      en: `${p.by} ${p.status === 'done' ? 'completed' : 'dropped'} the forum follow-up “${p.title}”.`,
    }),
  },
  'agreement.pks_ending': {
    kind: 'action',
    audience: 'deciders',
    object: 'agreement',
    operation: 'transitionAgreement',
    closes: ['agreement.pks_ending'],
    payload: z.object({ title: z.string(), end: z.string(), days: z.number().int() }),
    text: (p: { title: string; end: string; days: number }) => ({
      id: `Perjanjian kerja sama “${p.title}” berakhir dalam ${p.days} hari, pada ${spokenDate(p.end, 'id')}. Mohon diputuskan: diperpanjang atau diakhiri.`,
      en: `The cooperation agreement “${p.title}” ends in ${p.days} days, on ${spokenDate(p.end, 'en')}. Please decide: renew it or let it end.`,
    }),
  },
  'agreement.pks_ended': {
    kind: 'info',
    // news the reader acts on next: emailed at once by default, as what is asked
    emailNow: true,
    audience: 'deciders',
    object: 'agreement',
    operation: null,
    closes: ['agreement.pks_ending'],
    payload: z.object({ title: z.string(), end: z.string() }),
    text: (p: { title: string; end: string }) => ({
      id: `Perjanjian kerja sama “${p.title}” telah berakhir pada ${spokenDate(p.end, 'id')} tanpa perpanjangan.`,
      en: `The cooperation agreement “${p.title}” ended on ${spokenDate(p.end, 'en')} without renewal.`,
    }),
  },
} as const;

export type EventType = keyof typeof EVENT_TYPES;
/** The kinds of object events are about. */
export type EventObject = (typeof EVENT_TYPES)[EventType]['object'];
export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as [EventType, ...EventType[]];
export type PayloadOf<T extends EventType> = z.infer<(typeof EVENT_TYPES)[T]['payload']>;

/** What an item of this event says, in both languages (the payload checked against its schema). */
export function textOf(type: EventType, payload: unknown): { id: string; en: string } {
  const spec = EVENT_TYPES[type];
  return (spec.text as (p: unknown) => { id: string; en: string })(spec.payload.parse(payload));
}
