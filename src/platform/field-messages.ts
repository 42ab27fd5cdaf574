import { spokenDate } from './date-rules';
import type { Lang } from './i18n';

/**
 * What is wrong with a field, in both languages: the messages of field errors
 * (`errors: [{ location, message }]` in a problem), keyed, Indonesian and
 * English side by side. Domain code raises them by key with `fieldMessage`.
 */
type Params = Record<string, string | number>;
type Text = string | ((p: Params) => string);

export const FIELD_MESSAGES = {
  'potentials.berita_acara_prioritises_submitted': {
    id: 'Berita Acara memprioritaskan potensi yang sudah diajukan',
    en: 'a Berita Acara prioritises submitted potentials',
  },
  'potentials.sk_establishes_prioritised': {
    id: 'SK menetapkan potensi yang sudah diprioritaskan',
    en: 'an SK establishes prioritised potentials',
  },
  'agreements.is_required_for_this_stage': {
    id: 'wajib diisi untuk tahap ini',
    en: 'is required for this stage',
  },
  'agreements.is_required_when_declining': {
    id: 'wajib diisi saat menolak',
    en: 'is required when declining',
  },
  'agreements.is_required_when_delegated_official_signs': {
    id: 'wajib bila pejabat yang dikuasakan menandatangani (nomor surat kuasa)',
    en: 'is required when a delegated official signs (the delegation’s number)',
  },
  'agreements.joint_agreement_kesepakatan_bersama_memorandum_nota': {
    id: 'Kesepakatan Bersama dan Nota Kesepakatan ditandatangani kepala daerah (gubernur, bupati atau wali kota), tidak dikuasakan',
    en: 'a joint agreement (Kesepakatan Bersama) or memorandum (Nota Kesepakatan) is signed by the head of the region (governor, regent or mayor), not a delegate',
  },
  'agreements.must_accepted_interest_yours': {
    id: 'harus pernyataan minat Anda yang diterima',
    en: 'must be an accepted interest of yours',
  },
  'agreements.must_accepted_proposal_yours': {
    id: 'harus usulan Anda yang diterima',
    en: 'must be an accepted proposal of yours',
  },
  'agreements.must_after_date': {
    id: 'harus setelah tanggal evaluasi',
    en: 'must be after date',
  },
  'agreements.must_extend_current_end': {
    id: (p) =>
      `harus setelah tanggal berakhir PKS saat ini (${spokenDate(String(p.pksEnd), 'id')})`,
    en: (p) => `must extend the current end (${spokenDate(String(p.pksEnd), 'en')})`,
  },
  'agreements.must_include_your_own_tenant': {
    id: 'harus memuat wilayah atau organisasi Anda sendiri',
    en: 'must include your own tenant',
  },
  'agreements.must_one': {
    id: (p) => `harus salah satu dari: ${p.kinds}`,
    en: (p) => `must be one of: ${p.kinds}`,
  },
  'agreements.must_open_follow_up_your_forum': {
    id: 'harus tindak lanjut terbuka dari forum Anda, dengan pihak penanggung jawabnya di antara para pihak',
    en: 'must be an open follow-up of your forum, with its responsible party among the parties',
  },
  'agreements.must_party': {
    id: 'harus salah satu pihak',
    en: 'must be a party',
  },
  'agreements.needs_at_least_two_different_parties': {
    id: 'minimal dua pihak yang berbeda',
    en: 'needs at least two different parties',
  },
  'agreements.unknown_code': {
    id: (p) => `kode ${p.a} tidak dikenal`,
    en: (p) => `unknown code ${p.a}`,
  },
  'agreements.unknown_cooperation_model': {
    id: 'model kerja sama tidak dikenal',
    en: 'unknown cooperation model',
  },
  'agreements.unknown_tenant': {
    id: 'wilayah atau organisasi tidak dikenal',
    en: 'unknown tenant',
  },
  'digests.must_one': {
    id: (p) => `harus salah satu dari: ${p.SECTIONS}`,
    en: (p) => `must be one of: ${p.SECTIONS}`,
  },
  'discussion.is_required_move': {
    id: 'wajib diisi untuk memindahkan',
    en: 'is required to move',
  },
  'discussion.is_required_when_hiding_author_sees': {
    id: 'wajib diisi saat menyembunyikan: penulis melihat alasannya',
    en: 'is required when hiding: the author sees it',
  },
  'discussion.must_future_at_most_year_ahead': {
    id: 'harus waktu di masa depan, paling lama satu tahun',
    en: 'must be in the future, at most a year ahead',
  },
  'discussion.must_visible_post_this_thread': {
    id: 'harus tulisan yang tampil di utas ini',
    en: 'must be a visible post of this thread',
  },
  'discussion.unknown_code': {
    id: (p) => `kode ${p.c} tidak dikenal`,
    en: (p) => `unknown code ${p.c}`,
  },
  'discussion.unknown_user': {
    id: 'pengguna tidak dikenal',
    en: 'unknown user',
  },
  'facilitation.required_decline': {
    id: 'wajib diisi untuk menolak',
    en: 'required to decline',
  },
  'forums.at_most_meeting_slots_day_lengthen': {
    id: (p) =>
      `paling banyak ${p.MAX_DAY_SLOTS} giliran pertemuan bilateral sehari: perpanjang lama tiap giliran atau persingkat jadwal harian`,
    en: (p) =>
      `at most ${p.MAX_DAY_SLOTS} meeting slots a day: lengthen slotMinutes or shorten the day`,
  },
  'forums.at_most_number_people_delegation': {
    id: 'paling banyak sejumlah anggota delegasi',
    en: 'at most the number of people in the delegation',
  },
  'forums.cannot_meet_itself': {
    id: 'tidak dapat meminta pertemuan dengan diri sendiri',
    en: 'cannot meet itself',
  },
  'forums.dates_order_each_once': {
    id: 'tanggal berurutan dan masing-masing sekali',
    en: 'dates in order, each once',
  },
  'forums.day_must_fall_within_session_start': {
    id: 'hari harus dalam waktu pertemuan, mulai sebelum selesai, dengan jeda di dalamnya',
    en: 'a day must fall within the session, start before it ends, with breaks inside it',
  },
  'forums.item_must_end_after_starts_lie': {
    id: 'acara harus berakhir setelah dimulai dan berada dalam waktu pertemuan',
    en: 'an item must end after it starts and lie within the session',
  },
  'forums.must_active_tenant_other_than_convener': {
    id: 'harus wilayah atau organisasi aktif selain penyelenggara',
    en: 'must be an active tenant other than the convener',
  },
  'forums.must_after_registration_opens': {
    id: 'harus setelah pendaftaran dibuka',
    en: 'must be after registration opens',
  },
  'forums.must_after_start': {
    id: 'harus setelah waktu mulai',
    en: 'must be after the start',
  },
  'forums.must_agreement_responsible_party_is_part': {
    id: 'harus kerja sama yang melibatkan pihak penanggung jawab',
    en: 'must be an agreement the responsible party is part of',
  },
  'forums.must_convener_delegation_registered_for_this': {
    id: 'harus penyelenggara atau delegasi yang terdaftar pada pertemuan ini',
    en: 'must be the convener or a delegation registered for this session',
  },
  'forums.must_delegation_registered_approved_for_this': {
    id: 'harus delegasi yang terdaftar dan disetujui pada pertemuan ini',
    en: 'must be a delegation registered and approved for this session',
  },
  'forums.must_forum_session_you_convened_took': {
    id: 'harus sesi forum yang Anda selenggarakan atau ikuti',
    en: 'must be a forum session you convened or took part in',
  },
  'forums.must_proposal_involving_responsible_party': {
    id: 'harus usulan yang melibatkan pihak penanggung jawab',
    en: 'must be a proposal involving the responsible party',
  },
  'forums.must_published_cooperation_potential': {
    id: 'harus potensi kerja sama yang dipublikasikan',
    en: 'must be a published cooperation potential',
  },
  'forums.must_published_cooperation_potential_yours': {
    id: 'harus potensi kerja sama milik Anda yang dipublikasikan',
    en: 'must be a published cooperation potential of yours',
  },
  'forums.must_published_potential_either_side': {
    id: 'harus potensi yang dipublikasikan milik salah satu pihak',
    en: 'must be a published potential of either side',
  },
  'forums.must_be_a_meeting_slot': {
    id: 'harus waktu mulai salah satu giliran pertemuan bilateral pada jadwal harian',
    en: 'must be the start of one of the daily schedule’s meeting slots',
  },
  'forums.must_be_a_slot': {
    id: 'harus waktu mulai salah satu giliran pada jadwal harian',
    en: 'must be the start of one of the daily schedule’s slots',
  },
  'forums.must_user_who_is_member_registering': {
    id: 'harus pengguna yang menjadi anggota wilayah atau organisasi yang mendaftar',
    en: 'must be a user who is a member of the registering tenant',
  },
  'forums.needed_for_guest_who_is_not': {
    id: 'wajib diisi untuk tamu yang bukan pengguna',
    en: 'needed for a guest who is not a user',
  },
  'forums.no_such_local_date_time_format': {
    id: 'tanggal dan jam setempat tidak ada (format YYYY-MM-DDTHH:mm)',
    en: 'no such local date and time (format YYYY-MM-DDTHH:mm)',
  },
  'forums.no_such_table': {
    id: 'nomor meja tidak ada',
    en: 'no such table',
  },
  'forums.only_one_head_delegation': {
    id: 'hanya satu ketua delegasi',
    en: 'only one head of delegation',
  },
  'forums.reason_is_needed_cancel': {
    id: 'alasan pembatalan wajib diisi',
    en: 'a reason is needed to cancel',
  },
  'forums.reason_is_needed_decline': {
    id: 'alasan penolakan wajib diisi',
    en: 'a reason is needed to decline',
  },
  'forums.registration_must_close_after_opens_fewer': {
    id: 'pendaftaran harus ditutup setelah dibuka (lebih sedikit hari sebelum pertemuan)',
    en: 'registration must close after it opens (fewer days before the session)',
  },
  'forums.registration_must_close_by_time_session': {
    id: 'pendaftaran harus ditutup paling lambat saat pertemuan dimulai',
    en: 'registration must close by the time the session starts',
  },
  'forums.same_person_is_listed_twice': {
    id: 'orang yang sama tercantum dua kali',
    en: 'the same person is listed twice',
  },
  'forums.session_lasts_at_most_14_days': {
    id: 'pertemuan paling lama 14 hari',
    en: 'a session lasts at most 14 days',
  },
  'forums.unknown_code_see_v1_vocabularies': {
    id: (p) => `kode ${p.code} tidak dikenal (lihat /v1/vocabularies/${p.vocabulary})`,
    en: (p) => `unknown code ${p.code} (see /v1/vocabularies/${p.vocabulary})`,
  },
  'identity.required_for_liaison': {
    id: 'wajib diisi untuk pejabat penghubung',
    en: 'required for liaison',
  },
  'identity.unknown_agency': {
    id: 'perangkat daerah tidak dikenal',
    en: 'unknown agency',
  },
  'interests.is_owner_potential': {
    id: 'adalah pemilik potensi',
    en: 'is the owner of the potential',
  },
  'platform.is_invalid_has_been_altered': {
    id: 'kursor tidak valid atau diubah',
    en: 'is invalid or has been altered',
  },
  'potentials.has_no_word_search_for': {
    id: 'tidak memuat kata yang dapat dicari',
    en: 'has no word to search for',
  },
  'potentials.has_passed_renew_before_publishing': {
    id: 'sudah lewat: perbarui sebelum mempublikasikan',
    en: 'has passed: renew it before publishing',
  },
  'potentials.must_date_future': {
    id: 'harus tanggal di masa depan',
    en: 'must be a date in the future',
  },
  'potentials.must_fall_within_period': {
    id: 'harus di dalam periode',
    en: 'must fall within the period',
  },
  'potentials.must_fall_within_named_period': {
    id: (p) =>
      `harus di dalam periode (${spokenDate(String(p.periodStart), 'id')} sampai ${spokenDate(String(p.periodEnd), 'id')})`,
    en: (p) =>
      `must fall within the period (${spokenDate(String(p.periodStart), 'en')} to ${spokenDate(String(p.periodEnd), 'en')})`,
  },
  'potentials.must_not_before_periodstart': {
    id: 'tidak boleh sebelum tanggal mulai periode',
    en: 'must not be before periodStart',
  },
  'potentials.must_not_below_valuemin': {
    id: 'tidak boleh lebih kecil dari nilai terendah',
    en: 'must not be below valueMin',
  },
  'potentials.must_potential_this_region_round_named': {
    id: 'harus potensi milik daerah ini (dalam periode pemetaan yang disebut)',
    en: 'must be a potential of this region (in the round named)',
  },
  'potentials.no_district_region': {
    id: (p) => `kecamatan ${p.districtCode} tidak ada di wilayah ${p.regionCode}`,
    en: (p) => `no district ${p.districtCode} in region ${p.regionCode}`,
  },
  'potentials.required': {
    id: () => `wajib diisi untuk tindakan ini`,
    en: (p) => `required to ${p.action}`,
  },
  'potentials.unknown_code': {
    id: (p) => `kode ${p.v} tidak dikenal`,
    en: (p) => `unknown code ${p.v}`,
  },
  'potentials.unknown_code_see_v1_vocabularies': {
    id: (p) => `kode ${p.v} tidak dikenal (lihat /v1/vocabularies/${p.vocabulary})`,
    en: (p) => `unknown code ${p.v} (see /v1/vocabularies/${p.vocabulary})`,
  },
  'potentials.unknown_province': {
    id: 'provinsi tidak dikenal',
    en: 'unknown province',
  },
  'potentials.unknown_region': {
    id: 'wilayah tidak dikenal',
    en: 'unknown region',
  },
  'potentials.unknown_round': {
    id: 'periode pemetaan tidak dikenal',
    en: 'unknown round',
  },
  'profiles.must_not_below_engagementminidr': {
    id: 'tidak boleh lebih kecil dari nilai keterlibatan terendah',
    en: 'must not be below engagementMinIdr',
  },
  'profiles.unknown_region': {
    id: (p) => `wilayah ${p.c} tidak dikenal`,
    en: (p) => `unknown region ${p.c}`,
  },
  'reference.must_contain_letters_digits': {
    id: 'harus memuat huruf atau angka',
    en: 'must contain letters or digits',
  },
  'reference.unknown_province_code': {
    id: 'kode provinsi tidak dikenal',
    en: 'unknown province code',
  },
  'reports.is_required_when_returning_report_what': {
    id: 'wajib diisi bila laporan dikembalikan: apa yang perlu diperbaiki',
    en: 'is required when returning a report: what needs correcting',
  },
  'reports.year_ended_final': {
    id: (p) => `tahun ${p.year} sudah berakhir: laporannya laporan akhir, bukan laporan sementara`,
    en: (p) => `the year ${p.year} has ended: its report is the final one, not an interim report`,
  },
  'reports.must_year_from': {
    id: (p) => `harus tahun ${p.FIRST_YEAR} sampai ${p.last}`,
    en: (p) => `must be a year from ${p.FIRST_YEAR} to ${p.last}`,
  },
  'webhooks.not_url': { id: 'bukan URL yang sah', en: 'is not a valid URL' },
  'webhooks.https_only': { id: 'harus URL https:', en: 'must be an https: URL' },
  'webhooks.http_only': { id: 'harus URL http: atau https:', en: 'must be an http: or https: URL' },
  'webhooks.credentials': {
    id: 'tidak boleh memuat nama pengguna atau kata sandi',
    en: 'must not carry a user name or password',
  },
  'webhooks.unresolvable': {
    id: 'nama hostnya tidak dapat ditemukan',
    en: 'its host name does not resolve',
  },
  'webhooks.non_public': {
    id: (p) => `hostnya berada di alamat yang bukan alamat publik (${p.address})`,
    en: (p) => `its host is at a non-public address (${p.address})`,
  },
} satisfies Record<string, Record<Lang, Text>>;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

/** A field error's message in both languages, by its key (and the values it names). */
export function fieldMessage(key: FieldMessageKey, params: Params = {}): Record<Lang, string> {
  const m: Record<Lang, Text> = FIELD_MESSAGES[key];
  const text = (t: Text) => (typeof t === 'function' ? t(params) : t);
  return { id: text(m.id), en: text(m.en) };
}
