/**
 * The lifecycle of a cooperation potential (domain brief §4): an agency's
 * liaison drafts it, the TKKSD plenary prioritises it (Berita Acara), the head
 * establishes it by decree (SK Kepala Daerah), the TKKSD publishes it. Any review
 * step can return it for revision with a reason. Pure data and functions.
 */
/** Every state, in lifecycle order; `criteria_not_met`: the plenary found it does not meet the criteria. */
export const STATUSES = [
  'draft',
  'submitted',
  'returned',
  'criteria_not_met',
  'prioritised',
  'established',
  'published',
  'closed',
  'archived',
] as const;
export type Status = (typeof STATUSES)[number];
export type Action =
  | 'submit'
  | 'prioritise'
  | 'establish'
  | 'publish'
  | 'return'
  | 'close'
  | 'reject'
  | 'archive';
export type ActorRole = 'admin' | 'liaison' | 'head' | 'viewer' | 'platform_admin';

type Rule = { from: Status[]; to: Status; roles: ActorRole[]; id: string; en: string };

export const TRANSITIONS: Record<Action, Rule> = {
  submit: {
    from: ['draft', 'returned'],
    to: 'submitted',
    roles: ['liaison', 'admin'],
    id: 'hanya draf atau potensi yang dikembalikan yang dapat diajukan, oleh pejabat penghubung perangkat daerahnya atau admin TKKSD',
    en: 'only a draft or a returned potential can be submitted, by its agency’s liaison or the TKKSD admin',
  },
  prioritise: {
    from: ['submitted'],
    to: 'prioritised',
    roles: ['admin'],
    id: 'hanya admin TKKSD yang memprioritaskan, dan hanya potensi yang sudah diajukan (dengan nomor dan tanggal Berita Acara pleno)',
    en: 'only the TKKSD admin prioritises, and only a submitted potential (with the plenary’s Berita Acara number and date)',
  },
  establish: {
    from: ['prioritised'],
    to: 'established',
    // the SK is the head's decree: signed in, the head records it; otherwise the TKKSD
    // secretariat records it, with the decree's number and date as its evidence
    roles: ['head', 'admin'],
    id: 'potensi ditetapkan dengan SK kepala daerah, dicatat oleh kepala daerah atau Sekretariat TKKSD dengan nomor dan tanggal SK, dan hanya potensi yang sudah diprioritaskan',
    en: 'a potential is established by the head’s decree (SK), recorded by the head or the TKKSD secretariat with the SK’s number and date, and only once prioritised',
  },
  publish: {
    from: ['established'],
    to: 'published',
    roles: ['admin'],
    id: 'hanya admin TKKSD yang menerbitkan, dan hanya potensi yang sudah ditetapkan dengan SK kepala daerah',
    en: 'only the TKKSD admin publishes, and only a potential established by the head’s decree',
  },
  return: {
    from: ['submitted', 'prioritised', 'established'],
    to: 'returned',
    roles: ['admin', 'head'],
    id: 'pengembalian untuk revisi hanya pada tahap telaah (diajukan, diprioritaskan, ditetapkan), oleh admin TKKSD atau kepala daerah, dengan alasan',
    en: 'returning for revision only at a review step (submitted, prioritised, established), by the TKKSD admin or the head, with a reason',
  },
  close: {
    from: ['published'],
    to: 'closed',
    roles: ['admin'],
    id: 'hanya potensi yang dipublikasikan yang dapat ditutup, oleh admin TKKSD',
    en: 'only a published potential can be closed, by the TKKSD admin',
  },
  reject: {
    from: ['submitted'],
    to: 'criteria_not_met',
    roles: ['admin'],
    id: 'hanya pleno TKKSD (dicatat oleh admin) yang menyatakan potensi yang diajukan tidak memenuhi kriteria, dengan nomor dan tanggal Berita Acara serta alasannya',
    en: 'only the TKKSD plenary (recorded by the admin) finds a submitted potential not meeting the criteria, with the Berita Acara number and date and its reason',
  },
  archive: {
    from: ['draft', 'returned', 'criteria_not_met', 'closed'],
    to: 'archived',
    roles: ['admin'],
    id: 'hanya draf, potensi yang dikembalikan, atau yang sudah ditutup yang dapat diarsipkan, oleh admin TKKSD',
    en: 'only a draft, a returned or a closed potential can be archived, by the TKKSD admin',
  },
};

export const EDIT_RULE = {
  id: 'potensi hanya dapat diubah saat draf atau dikembalikan (oleh pejabat penghubungnya atau admin), atau saat dipublikasikan (oleh admin, sebagai revisi); potensi yang diarsipkan atau ditutup tidak dapat diubah',
  en: 'a potential can be edited only as a draft or when returned (by its liaison or the admin), or when published (by the admin, as a revision); archived or closed potentials cannot be edited',
};

export function canEdit(status: Status, role: ActorRole, ownAgency: boolean): boolean {
  if (status === 'draft' || status === 'returned')
    return role === 'admin' || role === 'platform_admin' || (role === 'liaison' && ownAgency);
  if (status === 'published') return role === 'admin' || role === 'platform_admin';
  return false;
}

/** null when allowed; otherwise the rule that forbids it. */
export function checkTransition(
  action: Action,
  status: Status,
  role: ActorRole,
  ownAgency: boolean,
): { kind: 'role' | 'state'; rule: Rule } | null {
  const rule = TRANSITIONS[action];
  const roleOk =
    role === 'platform_admin' || (rule.roles.includes(role) && (role !== 'liaison' || ownAgency));
  if (!roleOk) return { kind: 'role', rule };
  if (!rule.from.includes(status)) return { kind: 'state', rule };
  return null;
}
