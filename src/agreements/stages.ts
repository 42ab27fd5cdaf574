import { ApiError } from '../platform/errors';

/**
 * The grounds of a mandatory cooperation (UU 23/2014 art. 363(2)): an affair
 * with cross-border externalities, or a public service more efficient when
 * managed together. Recorded with every mandatory potential and agreement.
 */
export const MANDATORY_GROUNDS = ['cross_border_externality', 'efficient_shared_service'] as const;
export type MandatoryGround = (typeof MANDATORY_GROUNDS)[number];
export const MANDATORY_GROUND_REQUIRED = {
  id: 'wajib diisi untuk kerja sama wajib: urusan yang memiliki eksternalitas lintas daerah, atau layanan publik yang lebih efisien jika dikelola bersama (UU 23/2014 Pasal 363 ayat (2))',
  en: 'is required for a mandatory cooperation: an affair with cross-border externalities, or a public service more efficient when managed together (UU 23/2014 art. 363(2))',
};

/** What the rules read of an agreement (a row of `agreements`). */
export type AgreementFacts = {
  kind: string;
  stage: Stage;
  confirmedAt: Date | null;
  kbDate: string | null;
  memorandumDate: string | null;
  actionPlanDate: string | null;
  pksDate: string | null;
  pksStart: string | null;
  pksEnd: string | null;
};

/**
 * Pure rules of agreements (no I/O; lint-enforced): the stages and their
 * paths, the kinds of cooperation and who may be party to each, mandatory
 * cooperation between bordering regions, the derived flags, and the wording of
 * every refusal.
 *
 * The stages of an agreement, by path. A cooperation between regions or with
 * a third party (KSDD, KSDPK, KSDPL, KSDLL) goes from Kesepakatan Bersama (KB,
 * signed by the heads) through Perjanjian Kerja Sama (PKS, the operative
 * contract) to implementation and evaluation (PP 28/2018). Sinergi with a
 * central ministry or agency is planning synergy, not a KB→PKS contract: a
 * Nota Kesepakatan (MoU) and an action plan (rencana aksi), each signed by
 * every party, then implementation. Stages cannot be skipped; each transition
 * is recorded and audited.
 */
export const STAGES = [
  'inisiasi',
  'kesepakatan_bersama',
  'perjanjian_kerja_sama',
  'nota_kesepakatan',
  'rencana_aksi',
  'pelaksanaan',
  'evaluasi',
  'perpanjangan',
  'berakhir',
] as const;
export type Stage = (typeof STAGES)[number];

const KSD_PATH: Record<Stage, Stage[]> = {
  inisiasi: ['kesepakatan_bersama', 'berakhir'],
  kesepakatan_bersama: ['perjanjian_kerja_sama', 'berakhir'],
  perjanjian_kerja_sama: ['pelaksanaan', 'berakhir'],
  nota_kesepakatan: [],
  rencana_aksi: [],
  pelaksanaan: ['evaluasi', 'berakhir'],
  evaluasi: ['perpanjangan', 'berakhir', 'pelaksanaan'],
  perpanjangan: ['pelaksanaan', 'berakhir'],
  berakhir: [],
};
const SINERGI_PATH: Record<Stage, Stage[]> = {
  inisiasi: ['nota_kesepakatan', 'berakhir'],
  kesepakatan_bersama: [],
  perjanjian_kerja_sama: [],
  nota_kesepakatan: ['rencana_aksi', 'berakhir'],
  rencana_aksi: ['pelaksanaan', 'berakhir'],
  pelaksanaan: ['evaluasi', 'berakhir'],
  evaluasi: ['pelaksanaan', 'berakhir'],
  perpanjangan: [],
  berakhir: [],
};
/**
 * A handshake agreement (seed 002: "tidak adanya dokumen perjanjian kerjasama
 * yang formal", resting on the regions' commitment) is not forced through KB
 * and PKS: from initiation it may go straight to implementation, or still be
 * formalised with a Kesepakatan Bersama.
 */
const HANDSHAKE_PATH: Record<Stage, Stage[]> = {
  ...KSD_PATH,
  inisiasi: ['pelaksanaan', 'kesepakatan_bersama', 'berakhir'],
};
/** The stages an agreement of this kind (and cooperation model) may move to from this one. */
export const nextStages = (kind: string, stage: Stage, model: string | null = null): Stage[] =>
  (kind === 'SINERGI' ? SINERGI_PATH : model === 'handshake' ? HANDSHAKE_PATH : KSD_PATH)[stage];

export const ACTIVE: Stage[] = [
  'kesepakatan_bersama',
  'perjanjian_kerja_sama',
  'nota_kesepakatan',
  'rencana_aksi',
  'pelaksanaan',
  'evaluasi',
  'perpanjangan',
];
const STALL_DAYS = 90;
const EXPIRY_WARNING_DAYS = 90;

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);

/** Each stage's name, in each language: inside sentences and as the stage's label. */
export const STAGE_WORDS: Record<Stage, { id: string; en: string }> = {
  inisiasi: { id: 'inisiasi', en: 'initiation' },
  kesepakatan_bersama: { id: 'Kesepakatan Bersama', en: 'joint agreement (Kesepakatan Bersama)' },
  perjanjian_kerja_sama: {
    id: 'Perjanjian Kerja Sama',
    en: 'cooperation agreement (Perjanjian Kerja Sama)',
  },
  nota_kesepakatan: {
    id: 'Nota Kesepakatan',
    en: 'memorandum of understanding (Nota Kesepakatan)',
  },
  rencana_aksi: { id: 'rencana aksi', en: 'action plan' },
  pelaksanaan: { id: 'pelaksanaan', en: 'implementation' },
  evaluasi: { id: 'evaluasi', en: 'evaluation' },
  perpanjangan: { id: 'perpanjangan', en: 'renewal' },
  berakhir: { id: 'berakhir', en: 'ended' },
};

export function rule(kind: string, from: Stage, to: Stage, model: string | null = null): ApiError {
  const words = (lang: 'id' | 'en', stages: Stage[]) =>
    stages.map((s) => STAGE_WORDS[s][lang]).join(', ') || '—';
  const next = nextStages(kind, from, model);
  return new ApiError('CONFLICT', {
    key: 'potential.rule',
    params: {
      ruleId: `tahap tidak boleh dilompati: dari ${words('id', [from])} hanya ke ${words('id', next)} (diminta: ${words('id', [to])})`,
      ruleEn: `stages cannot be skipped: from ${words('en', [from])} only to ${words('en', next)} (asked: ${words('en', [to])})`,
    },
  });
}

/** A refusal that names the agreement rule it follows (409). */
export function agreementRule(rule: keyof typeof AGREEMENT_RULES, detail = ''): ApiError {
  const r = AGREEMENT_RULES[rule];
  return new ApiError('CONFLICT', {
    key: 'potential.rule',
    params: { ruleId: `${r.id}${detail}`, ruleEn: `${r.en}${detail}` },
  });
}

export const AGREEMENT_RULES = {
  not_confirmed: {
    id: 'kerja sama baru dapat dilanjutkan setelah setiap pihak mengonfirmasi keikutsertaannya',
    en: 'the agreement goes on only after every party has confirmed taking part',
  },
  not_invited: {
    id: 'hanya pihak yang diundang dan belum menjawab yang dapat mengonfirmasi atau menolak',
    en: 'only an invited party that has not answered yet can confirm or decline',
  },
  signed_stage: {
    id: 'tahap Kesepakatan Bersama, Perjanjian Kerja Sama, perpanjangan, Nota Kesepakatan dan rencana aksi dicapai dengan tanda tangan setiap pihak (POST …/signatures)',
    en: 'the joint agreement, cooperation agreement, renewal, memorandum and action plan stages are reached by every party’s signature (POST …/signatures)',
  },
  no_actions: {
    id: 'rencana aksi memerlukan sedikitnya satu kegiatan yang dicatat (POST …/actions)',
    en: 'an action plan needs at least one recorded action (POST …/actions)',
  },
  already_signed: {
    id: 'pihak ini sudah menandatangani dokumen tahap ini',
    en: 'this party has already signed this stage’s document',
  },
  document_differs: {
    id: 'data dokumen berbeda dengan yang sudah ditandatangani pihak lain: ',
    en: 'the document differs from the one another party signed: ',
  },
} as const;

/** Until every party confirmed, nothing is flagged: the agreement does not exist yet for anyone. */
export const NO_FLAGS = {
  stalled: false,
  expiring: false,
  lapsed: false,
  overdueActions: 0,
  evaluationDue: false,
};

export function consentOf(row: Pick<AgreementFacts, 'confirmedAt'>, parties: { status: string }[]) {
  return parties.some((p) => p.status === 'declined')
    ? ('declined' as const)
    : row.confirmedAt
      ? ('confirmed' as const)
      : ('pending' as const);
}

/** A PKS past its end, neither renewed nor ended: *berakhir tanpa perpanjangan*. */
export function isLapsed(row: { stage: string; pksEnd: string | null }, today: string): boolean {
  return row.stage !== 'berakhir' && !!row.pksEnd && row.pksEnd < today;
}

/** Derived, never stored: stalled, expiring, lapsed, overdue actions, evaluation due. */
export function flagsOf(
  today: string,
  row: AgreementFacts,
  actions: { dueDate: string; status: string }[],
  evaluations: { date: string; nextEvaluationDate: string | null }[],
) {
  const live = row.stage !== 'berakhir';
  const last = evaluations.at(-1);
  // the first signed document (KB, or a sinergi's Nota Kesepakatan) with nothing operative after it
  const opened = row.kbDate ?? row.memorandumDate;
  const operative = row.kind === 'SINERGI' ? row.actionPlanDate : row.pksDate;
  const started = row.pksStart ?? row.actionPlanDate;
  return {
    stalled:
      live &&
      !!opened &&
      addDays(opened, STALL_DAYS) <= today &&
      (!operative || actions.length === 0),
    expiring:
      live &&
      !!row.pksEnd &&
      row.pksEnd >= today &&
      row.pksEnd <= addDays(today, EXPIRY_WARNING_DAYS),
    // berakhir tanpa perpanjangan: the PKS's end has passed and no renewal moved it (the seeds
    // name unrenewed PKS as a known failure of KSD); it no longer counts as active
    lapsed: isLapsed(row, today),
    overdueActions: actions.filter((a) => a.status !== 'done' && a.dueDate < today).length,
    evaluationDue:
      live &&
      (last?.nextEvaluationDate
        ? last.nextEvaluationDate <= today
        : !last &&
          (row.stage === 'pelaksanaan' || row.stage === 'evaluasi') &&
          !!started &&
          addDays(started, 365) <= today),
  };
}

type PartyKind = { type: 'region' | 'partner'; partnerKind: string | null };
const DOMESTIC = ['company', 'bumn_bumd', 'university', 'ngo'];

/**
 * PP 28/2018 and Permendagri 22/2020 / 25/2020: who each kind of
 * cooperation is between. Every kind needs a region; KSDD is between regions
 * only; the others pair regions with partners of one kind.
 */
const KIND_PARTIES: Record<
  string,
  { partner: (p: PartyKind) => boolean; regionsOnly?: true; id: string; en: string }
> = {
  KSDD: {
    partner: () => false,
    regionsOnly: true,
    id: 'KSDD hanya antara pemerintah daerah (PP 28/2018): semua pihak harus daerah',
    en: 'KSDD is between regional governments only (PP 28/2018): every party must be a region',
  },
  KSDPK: {
    partner: (p) => p.partnerKind === null || DOMESTIC.includes(p.partnerKind),
    id: 'KSDPK antara daerah dan pihak ketiga dalam negeri (PP 28/2018): badan usaha, BUMN/BUMD, perguruan tinggi atau lembaga swadaya masyarakat',
    en: 'KSDPK is between a region and a domestic third party (PP 28/2018): a company, BUMN/BUMD, university or NGO',
  },
  KSDPL: {
    partner: (p) => p.partnerKind === 'foreign_region',
    id: 'KSDPL antara daerah dan pemerintah daerah di luar negeri (PP 28/2018, Permendagri 25/2020)',
    en: 'KSDPL is between a region and a foreign regional government (PP 28/2018, Permendagri 25/2020)',
  },
  KSDLL: {
    partner: (p) => p.partnerKind === 'foreign_institution',
    id: 'KSDLL antara daerah dan lembaga di luar negeri (PP 28/2018, Permendagri 25/2020)',
    en: 'KSDLL is between a region and a foreign institution (PP 28/2018, Permendagri 25/2020)',
  },
  SINERGI: {
    partner: (p) => p.partnerKind === 'central_institution',
    id: 'sinergi antara daerah dan kementerian/lembaga pusat, dengan Nota Kesepakatan dan rencana aksi',
    en: 'sinergi is between a region and a central ministry or agency, through a memorandum (Nota Kesepakatan) and an action plan',
  },
};

/** The rule the parties break for this kind, or null. */
export function kindMismatch(
  kind: string,
  parties: PartyKind[],
): { id: string; en: string } | null {
  const r = KIND_PARTIES[kind];
  if (!r) return null;
  const regions = parties.filter((p) => p.type === 'region');
  const others = parties.filter((p) => p.type !== 'region');
  const fits = r.regionsOnly
    ? others.length === 0
    : regions.length >= 1 && others.length >= 1 && others.every(r.partner);
  return fits ? null : { id: r.id, en: r.en };
}

export const MANDATORY_RULE = {
  id: 'kerja sama wajib hanya KSDD antardaerah yang berbatasan, atau antara provinsi dan kabupaten/kota dalam wilayahnya (UU 23/2014 Pasal 363 ayat 2): setiap daerah harus berbatasan dengan daerah lain di antara para pihak, atau menjadi provinsi atau kabupaten/kota di wilayahnya',
  en: 'mandatory cooperation is only KSDD between bordering regions, or between a province and a kabupaten/kota in its territory (UU 23/2014 art. 363(2)): each region must border another of the parties, or be its province or one of its kabupaten/kota',
};

/**
 * Mandatory cooperation (UU 23/2014 art. 363(2)): KSDD, and each region is tied
 * to another party, by a border (either side's declared neighbours) or as a
 * province and a kabupaten/kota in its territory ("72" and "72.71").
 */
export function bordering(
  kind: string,
  parties: { regionCode: string | null; neighbours: string[] | null }[],
): boolean {
  if (kind !== 'KSDD') return false;
  const borders = (a: (typeof parties)[number], b: (typeof parties)[number]) =>
    (!!b.regionCode && (a.neighbours ?? []).includes(b.regionCode)) ||
    (!!a.regionCode && (b.neighbours ?? []).includes(a.regionCode));
  const within = (a: (typeof parties)[number], b: (typeof parties)[number]) =>
    !!a.regionCode &&
    !!b.regionCode &&
    (b.regionCode.startsWith(`${a.regionCode}.`) || a.regionCode.startsWith(`${b.regionCode}.`));
  return parties.every((a) => parties.some((b) => a !== b && (borders(a, b) || within(a, b))));
}

/** The stages reached by every party's signature (KB, PKS, renewal, Nota Kesepakatan, action plan); the others a single party may move to. */
export const SIGNED_STAGES = [
  'kesepakatan_bersama',
  'perjanjian_kerja_sama',
  'nota_kesepakatan',
  'rencana_aksi',
  'perpanjangan',
] as const;
export type SignedStage = (typeof SIGNED_STAGES)[number];
