/**
 * Indonesian first, English available. Every user-facing sentence lives in the
 * catalogue below, keyed, with both languages side by side so neither drifts.
 * The language of a request comes from `Accept-Language` (default: `id`).
 */
export type Lang = 'id' | 'en';

type Params = Record<string, string | number>;
type Text = string | ((p: Params) => string);

export const messages = {
  'region.not_found': {
    id: (p) => `Wilayah dengan kode ${p.code} tidak ditemukan.`,
    en: (p) => `No region has the code ${p.code}.`,
  },
  'region.unknown_province': {
    id: (p) => `Provinsi dengan kode ${p.code} tidak ada.`,
    en: (p) => `There is no province with the code ${p.code}.`,
  },
  'vocabulary.not_found': {
    id: (p) => `Kosakata ${p.name} tidak ada.`,
    en: (p) => `There is no vocabulary named ${p.name}.`,
  },
  'auth.required': {
    id: 'Perlu masuk: kirim token sesi atau kunci API.',
    en: 'Authentication required: send a session token or an API key.',
  },
  'auth.invalid_session': {
    id: 'Sesi tidak valid atau sudah berakhir; silakan masuk kembali.',
    en: 'The session is invalid or has expired; sign in again.',
  },
  'auth.invalid_api_key': {
    id: 'Kunci API tidak valid, sudah dicabut, atau kedaluwarsa.',
    en: 'The API key is invalid, revoked or expired.',
  },
  'auth.bad_credentials': {
    id: 'Email atau kata sandi salah.',
    en: 'Wrong email or password.',
  },
  'auth.email_not_verified': {
    id: 'Email belum dikonfirmasi. Periksa kotak masuk Anda untuk tautan konfirmasi.',
    en: 'The email address is not confirmed yet. Check your inbox for the confirmation link.',
  },
  'auth.invalid_token': {
    id: 'Kode tidak valid, sudah dipakai, atau kedaluwarsa.',
    en: 'The code is invalid, already used or expired.',
  },
  'auth.csrf': {
    id: 'Permintaan lintas situs ditolak: header Origin tidak cocok.',
    en: 'Cross-site request refused: the Origin header does not match.',
  },
  'auth.rate_limited': {
    id: (p) => `Terlalu banyak percobaan. Coba lagi dalam ${p.seconds} detik.`,
    en: (p) => `Too many attempts. Try again in ${p.seconds} seconds.`,
  },
  'auth.password_too_short': { id: 'minimal 10 karakter', en: 'must be at least 10 characters' },
  'auth.password_too_long': { id: 'maksimal 200 karakter', en: 'must be at most 200 characters' },
  'auth.password_too_common': { id: 'terlalu mudah ditebak', en: 'is too easy to guess' },
  'auth.api_keys_cannot': {
    id: 'Kunci API tidak dapat melakukan tindakan ini; gunakan sesi pengguna.',
    en: 'API keys cannot do this; use a user session.',
  },
  'access.forbidden': {
    id: (p) => `Tindakan ini hanya dapat dilakukan oleh ${p.whoId}.`,
    en: (p) => `Only ${p.whoEn} can do this.`,
  },
  'access.scope': {
    id: (p) => `Kunci API ini tidak memiliki cakupan ${p.scope}.`,
    en: (p) => `This API key lacks the ${p.scope} scope.`,
  },
  'access.platform_admin_only': {
    id: 'Hanya admin platform yang dapat melakukan ini.',
    en: 'Only a platform admin can do this.',
  },
  'inbox_item.not_found': {
    id: 'Butir kotak masuk tidak ditemukan.',
    en: 'Inbox item not found.',
  },
  'tenant.not_found': {
    id: 'Wilayah atau organisasi tidak ditemukan.',
    en: 'Tenant not found.',
  },
  'tenant.not_partner': {
    id: 'Hanya organisasi mitra yang dapat diverifikasi.',
    en: 'Only partner tenants can be verified.',
  },
  'membership.not_found': { id: 'Keanggotaan tidak ditemukan.', en: 'Membership not found.' },
  'membership.last_admin': {
    id: 'Wilayah atau organisasi harus tetap memiliki setidaknya satu admin.',
    en: 'A tenant must keep at least one admin.',
  },
  'membership.role_not_for_tenant': {
    id: (p) =>
      `Peran ${p.role} tidak berlaku untuk ${p.type === 'region' ? 'pemerintah daerah' : 'organisasi mitra'}.`,
    en: (p) => `The role ${p.role} does not apply to a ${p.type} tenant.`,
  },
  'membership.liaison_needs_agency': {
    id: 'Pejabat penghubung harus terikat pada satu perangkat daerah.',
    en: 'A liaison must be bound to one agency (agencyId).',
  },
  'membership.already_member': {
    id: 'Pengguna ini sudah menjadi anggota wilayah atau organisasi ini.',
    en: 'This user is already a member of the tenant.',
  },
  'invitation.used': {
    id: 'Undangan ini sudah dipakai.',
    en: 'This invitation has already been used.',
  },
  'invitation.expired': {
    id: 'Undangan ini sudah kedaluwarsa; minta undangan baru.',
    en: 'This invitation has expired; ask for a new one.',
  },
  'invitation.revoked': {
    id: 'Undangan ini sudah dibatalkan.',
    en: 'This invitation has been revoked.',
  },
  'invitation.not_found': { id: 'Undangan tidak ditemukan.', en: 'Invitation not found.' },
  'invitation.email_mismatch': {
    id: 'Undangan ini ditujukan ke alamat email lain. Masuk dengan email yang diundang.',
    en: 'This invitation was sent to another email address. Sign in with the invited email.',
  },
  'invitation.facilitator_admin_only': {
    id: 'Provinsi hanya dapat mengundang admin untuk kabupaten/kotanya.',
    en: 'A province can only invite admins for its kabupaten/kota.',
  },
  'invitation.administrative_region': {
    id: 'Wilayah administratif (DKI Jakarta) tidak memiliki akun sendiri; provinsi bertindak untuknya.',
    en: 'Administrative regions (DKI Jakarta) have no tenant of their own; the province acts for them.',
  },
  'agency.not_found': { id: 'Perangkat daerah tidak ditemukan.', en: 'Agency not found.' },
  'agency.duplicate': {
    id: 'Nama perangkat daerah sudah dipakai di daerah ini.',
    en: 'An agency with this name already exists in this tenant.',
  },
  'agency.region_only': {
    id: 'Perangkat daerah hanya ada pada pemerintah daerah.',
    en: 'Agencies exist only in region tenants.',
  },
  'agency.has_invitations': {
    id: 'Perangkat daerah ini masih dirujuk oleh undangan yang belum diterima; cabut undangan itu terlebih dahulu.',
    en: 'A pending invitation still names this agency; revoke it first.',
  },
  'agency.has_potentials': {
    id: 'Perangkat daerah ini masih menjadi pengusul potensi kerja sama; potensi itu tetap tercatat atas namanya.',
    en: 'Cooperation potentials were proposed by this agency and stay recorded under it.',
  },
  'agency.has_liaisons': {
    id: 'Perangkat daerah masih memiliki pejabat penghubung.',
    en: 'The agency still has liaisons.',
  },
  'api_key.not_found': { id: 'Kunci API tidak ditemukan.', en: 'API key not found.' },
  'webhook.message_not_found': {
    id: 'Pesan webhook tidak ditemukan.',
    en: 'Webhook message not found.',
  },
  'webhook.not_found': {
    id: 'Titik akhir webhook tidak ditemukan.',
    en: 'Webhook endpoint not found.',
  },
  'session.not_found': { id: 'Sesi tidak ditemukan.', en: 'Session not found.' },
  'partner.kind_unknown': { id: 'jenis mitra tidak dikenal', en: 'unknown partner kind' },
  'potential.batch_state': {
    id: 'Sebagian potensi belum berada pada tahap yang dapat diputuskan; lihat daftar per potensi.',
    en: 'Some potentials are not at a stage this decision can take; see the list per potential.',
  },
  'decision.not_found': {
    id: 'Berita Acara atau SK tidak ditemukan.',
    en: 'Berita Acara or SK not found.',
  },
  'potential.not_found': {
    id: 'Potensi kerja sama tidak ditemukan.',
    en: 'Cooperation potential not found.',
  },
  'forum.not_found': {
    id: 'Forum kerja sama daerah tidak ditemukan.',
    en: 'Cooperation forum not found.',
  },
  'forum.session_id_not_found': {
    id: (p) => `Sesi forum ${p.id} tidak ditemukan.`,
    en: (p) => `There is no forum session ${p.id}.`,
  },
  'forum.session_not_found': {
    id: 'Pertemuan forum tidak ditemukan.',
    en: 'Forum session not found.',
  },
  'forum.registration_not_found': {
    id: 'Pendaftaran delegasi tidak ditemukan.',
    en: 'Delegation registration not found.',
  },
  'forum.meeting_not_found': {
    id: 'Pertemuan bilateral tidak ditemukan.',
    en: 'Bilateral meeting not found.',
  },
  'forum.follow_up_not_found': {
    id: 'Tindak lanjut tidak ditemukan.',
    en: 'Follow-up not found.',
  },
  'calendar.invalid_token': {
    id: 'Tautan kalender tidak berlaku atau sudah dicabut.',
    en: 'The calendar link is not valid or was revoked.',
  },
  'potential.rule': {
    id: (p) => `Tidak diizinkan oleh aturan: ${p.ruleId}`,
    en: (p) => `Not allowed by the rule: ${p.ruleEn}`,
  },
  'catalog.invalid_filters': {
    id: 'Parameter pencarian tidak valid; lihat daftar kesalahan per kolom.',
    en: 'Invalid search filters; see the list of errors by field.',
  },
  'potential.invalid_codes': {
    id: 'Kode tidak dikenal; lihat daftar kesalahan per kolom.',
    en: 'Unknown codes; see the list of errors by field.',
  },
  'round.not_found': { id: 'Periode pemetaan tidak ditemukan.', en: 'Mapping round not found.' },
  'interest.not_found': {
    id: 'Pernyataan minat tidak ditemukan.',
    en: 'Expression of interest not found.',
  },
  'interest.own_potential': {
    id: 'Tidak dapat menyatakan minat pada potensi milik sendiri.',
    en: 'You cannot express interest in your own potential.',
  },
  'interest.duplicate': {
    id: 'Pihak ini sudah menyatakan minat pada potensi tersebut.',
    en: 'This party has already expressed interest in that potential.',
  },
  'interest.already_decided': {
    id: 'Pernyataan minat ini sudah diputuskan.',
    en: 'This expression of interest has already been decided.',
  },
  'invitation.facilitator_claimed': {
    id: 'Wilayah ini sudah memiliki admin; undangan ke wilayah ini hanya dapat dikelola oleh admin wilayah itu sendiri. Provinsi tetap dapat melihat data wilayah untuk fasilitasi.',
    en: 'This region already has its admin; its invitations are managed by the region’s own admins only. The province keeps its read-only facilitation view.',
  },
  'tenant.not_verified': {
    id: 'Organisasi mitra ini belum diverifikasi oleh admin platform; pernyataan minat dan kerja sama baru dapat dibuat setelah verifikasi.',
    en: 'This partner organisation is not verified by the platform yet; interests and agreements can be made only after verification.',
  },
  'interest.not_member': {
    id: 'Anda bukan anggota wilayah atau organisasi yang menyatakan minat.',
    en: 'You are not a member of the expressing tenant.',
  },
  'proposal.not_found': {
    id: 'Usulan fasilitasi tidak ditemukan.',
    en: 'Facilitation proposal not found.',
  },
  'proposal.same_party': {
    id: 'Aturan: usulan harus mempertemukan dua pihak yang berbeda.',
    en: 'Rule: a proposal must bring together two different parties.',
  },
  'proposal.not_in_province': {
    id: (p) =>
      `Aturan: provinsi hanya memfasilitasi kabupaten/kotanya sendiri atau mitra; ${p.party} tidak termasuk.`,
    en: (p) =>
      `Rule: a province facilitates only its own kabupaten/kota or partners; ${p.party} is neither.`,
  },
  'proposal.potential_closed': {
    id: 'Aturan: potensi yang diusulkan harus sedang dipublikasikan di katalog.',
    en: 'Rule: the proposed potential must be published in the catalogue.',
  },
  'proposal.not_pending': {
    id: 'Usulan ini sudah tidak menunggu jawaban.',
    en: 'This proposal is no longer awaiting answers.',
  },
  'proposal.not_a_party': {
    id: 'Wilayah atau organisasi ini bukan pihak dalam usulan.',
    en: 'This tenant is not a party to the proposal.',
  },
  'proposal.already_answered': {
    id: 'Pihak ini sudah menjawab.',
    en: 'This party has already answered.',
  },
  'discussion.board_not_found': {
    id: 'Papan diskusi tidak ditemukan.',
    en: 'Board not found.',
  },
  'discussion.thread_not_found': {
    id: 'Utas diskusi tidak ditemukan.',
    en: 'Thread not found.',
  },
  'discussion.post_not_found': {
    id: 'Tulisan tidak ditemukan.',
    en: 'Post not found.',
  },
  'discussion.report_not_found': {
    id: 'Laporan tulisan tidak ditemukan.',
    en: 'Report not found.',
  },
  'discussion.moderators_only': {
    id: 'Hanya moderator papan ini yang dapat melakukannya.',
    en: 'Only this board’s moderators can do that.',
  },
  'discussion.cannot_post': {
    id: 'Anda tidak dapat menulis di papan ini.',
    en: 'You cannot write on this board.',
  },
  'discussion.muted': {
    id: (p) => `Anda dibisukan di papan ini sampai ${p.until}: ${p.reason}`,
    en: (p) => `You are muted on this board until ${p.until}: ${p.reason}`,
  },
  'discussion.author_only': {
    id: 'Hanya penulisnya yang dapat mengubah atau menghapus tulisan ini.',
    en: 'Only its author can edit or delete this post.',
  },
  'forum.invitation_emails_limited': {
    id: (p) =>
      `Batas harian ${p.limit} email undangan forum dari daerah ini sudah tercapai; tidak ada undangan yang dikirim. Coba lagi dalam ${p.hours} jam, atau undang lebih sedikit daerah.`,
    en: (p) =>
      `This tenant’s daily limit of ${p.limit} forum invitation emails is reached; no invitation was sent. Try again in ${p.hours} hours, or invite fewer tenants.`,
  },
  'discussion.rate_limited': {
    id: (p) => `Terlalu banyak tulisan dalam waktu singkat. Coba lagi dalam ${p.seconds} detik.`,
    en: (p) => `Too many posts in a short time. Try again in ${p.seconds} seconds.`,
  },
  'digest.bad_token': {
    id: 'Tautan berhenti berlangganan tidak valid.',
    en: 'The unsubscribe link is not valid.',
  },
  'annual_report.not_found': {
    id: 'Laporan tahunan tidak ditemukan.',
    en: 'Annual report not found.',
  },
  'agreement.not_found': {
    id: 'Perjanjian kerja sama tidak ditemukan.',
    en: 'Agreement not found.',
  },
  'route.not_found': {
    id: (p) => `Tidak ada sumber daya di ${p.method} ${p.path}.`,
    en: (p) => `Nothing is served at ${p.method} ${p.path}.`,
  },
  'request.invalid': {
    id: 'Permintaan tidak valid; lihat daftar kesalahan per kolom.',
    en: 'The request is invalid; see the list of errors by field.',
  },
  'request.malformed_json': {
    id: 'Badan permintaan bukan JSON yang valid.',
    en: 'The request body is not valid JSON.',
  },
  'request.too_large': {
    id: (p) => `Badan permintaan melebihi batas ${p.limit}.`,
    en: (p) => `The request body exceeds the ${p.limit} limit.`,
  },
  'request.body_timeout': {
    id: (p) => `Badan permintaan tidak diterima lengkap dalam ${p.seconds} detik; kirim ulang.`,
    en: (p) =>
      `The request body did not arrive in full within ${p.seconds} seconds; send it again.`,
  },
  'request.unsupported_media_type': {
    id: 'Jenis konten tidak didukung; kirim application/json.',
    en: 'Unsupported content type; send application/json.',
  },
  'pagination.bad_cursor': {
    id: 'Kursor tidak valid atau berasal dari kueri lain.',
    en: 'The cursor is invalid or belongs to another query.',
  },
  'server.overloaded': {
    id: 'Server sedang menerima terlalu banyak permintaan. Silakan coba lagi sebentar lagi.',
    en: 'The server is receiving too many requests. Please try again shortly.',
  },
  'request.bad_value': {
    id: 'Salah satu nilai dalam permintaan tidak dapat disimpan atau dibaca oleh basis data.',
    en: 'A value in the request cannot be stored or read by the database.',
  },
  'request.still_referenced': {
    id: 'Data ini masih dirujuk oleh data lain sehingga tidak dapat dihapus atau diubah.',
    en: 'This item is still referenced by other data, so it cannot be deleted or changed.',
  },
  'server.internal': {
    id: (p) =>
      `Terjadi kesalahan pada server. Sebutkan kode permintaan ${p.requestId} saat melapor.`,
    en: (p) =>
      `Something went wrong on our side. Quote request id ${p.requestId} when reporting it.`,
  },
  'server.database_unavailable': {
    id: 'Basis data tidak dapat dihubungi.',
    en: 'The database cannot be reached.',
  },
} satisfies Record<string, Record<Lang, Text>>;

export type MessageKey = keyof typeof messages;
export type Message = { key: MessageKey; params?: Params };

export function t(lang: Lang, key: MessageKey, params: Params = {}): string {
  const text: Text = messages[key][lang];
  return typeof text === 'function' ? text(params) : text;
}

/** Picks `en` only when the client prefers English over Indonesian. */
export function negotiateLang(acceptLanguage: string | null | undefined): Lang {
  if (!acceptLanguage) return 'id';
  let best: { lang: Lang; q: number } | null = null;
  for (const part of acceptLanguage.split(',')) {
    const [tag = '', ...rest] = part.trim().toLowerCase().split(';');
    const qParam = rest.find((r) => r.trim().startsWith('q='));
    const q = qParam ? Number(qParam.trim().slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const primary = tag.split('-')[0];
    const lang: Lang | null =
      primary === 'en' ? 'en' : primary === 'id' || primary === 'in' ? 'id' : null;
    if (lang && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'id';
}
