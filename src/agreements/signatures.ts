import { and, eq, sql } from 'drizzle-orm';
import {
  agreementActions,
  agreementEvents,
  agreementParties,
  agreementSignatures,
  agreements,
} from '../../db/schema';
import { recordEvent } from '../events/events';
import { membershipOf, requireUser } from '../identity/access';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { notBefore } from '../platform/date-rules';
import { badRequest, isUniqueViolation, type RaisedFieldError } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { newId } from '../platform/ids';
import { placeOf } from '../platform/offices';
import { agreementAccess, applyStage, getAgreement, type Row } from './agreements';
import { agreementRule, nextStages, rule, type SignedStage, STAGE_WORDS } from './stages';

export type SignedDocument = {
  number: string;
  date: string;
  start?: string;
  end?: string;
  burdensBudget?: boolean;
  burdensPublic?: boolean;
  budgeted?: boolean;
  dprdApprovalRef?: string;
  dprdApprovalDate?: string;
};

export type SignInput = {
  tenantId: string;
  agreementId: string;
  stage: SignedStage;
  signatoryName: string;
  signatoryPosition: string;
  signatoryCapacity?: 'head' | 'delegated';
  delegationRef?: string;
  signedOn: string;
  document: SignedDocument;
};

const need = (location: string): RaisedFieldError => ({
  location,
  message: fieldMessage('agreements.is_required_for_this_stage'),
});

const PKS_START = { id: 'tanggal mulai berlaku PKS', en: 'PKS start' };
const PKS_END = { id: 'tanggal berakhir PKS', en: 'PKS end' };
const PKS_DATE = { id: 'tanggal PKS', en: 'PKS date' };
const KB_DATE = { id: 'tanggal Kesepakatan Bersama', en: 'Kesepakatan Bersama date' };

type Checked = {
  /** what must be the same for every party: the one text they all sign */
  shared: Record<string, unknown>;
  /** what is the signing party's own: its register number, its DPRD's approval */
  own: Record<string, unknown>;
};

/**
 * The document as one party signs it, checked: the fields its stage has, split
 * into what every party signs alike (the date, the period) and what each party
 * keeps for itself (its register number and, for a region, its DPRD approval
 * and its answers about its own APBD).
 */
function documentFor(
  stage: SignedStage,
  d: SignedDocument,
  row: Row,
  signer: { type: string },
): Checked {
  const errors: RaisedFieldError[] = [];
  if (stage === 'kesepakatan_bersama' || stage === 'nota_kesepakatan' || stage === 'rencana_aksi')
    return { shared: { date: d.date }, own: { number: d.number } };
  if (stage === 'perjanjian_kerja_sama') {
    const region = signer.type === 'region';
    for (const f of ['start', 'end'] as const)
      if (d[f] === undefined) errors.push(need(`body.document.${f}`));
    if (region && d.burdensBudget === undefined) errors.push(need('body.document.burdensBudget'));
    const end =
      d.start && d.end
        ? notBefore('body.document.end', PKS_END, d.end, PKS_START, d.start, true)
        : null;
    if (end) errors.push(end);
    // a PKS rests on the Kesepakatan Bersama: it cannot be dated before it
    const kb = row.kbDate
      ? notBefore('body.document.date', PKS_DATE, d.date, KB_DATE, row.kbDate)
      : null;
    if (kb) errors.push(kb);
    // PP 28/2018 (seed 002: "yang membebani … dan masyarakat harus mendapat persetujuan DPRD"):
    // approval when the cooperation burdens the region *and* the public, or its funding is not
    // budgeted in this year's APBD; either burden alone does not call for it. Each region asks
    // its own DPRD; a partner has none.
    const needsDprd = region && ((!!d.burdensBudget && !!d.burdensPublic) || d.budgeted === false);
    const dprd = {
      id: 'wajib bila kerja sama membebani daerah dan masyarakat, atau pembiayaannya belum dianggarkan dalam APBD tahun berjalan (persetujuan DPRD: nomor dan tanggal)',
      en: 'is required when the cooperation burdens both the region and the public, or its funding is not budgeted in this year’s APBD (DPRD approval: number and date)',
    };
    if (needsDprd && !d.dprdApprovalRef)
      errors.push({ location: 'body.document.dprdApprovalRef', message: dprd });
    if (needsDprd && !d.dprdApprovalDate)
      errors.push({ location: 'body.document.dprdApprovalDate', message: dprd });
    if (errors.length) throw badRequest({ key: 'request.invalid' }, errors);
    return {
      shared: { date: d.date, start: d.start, end: d.end },
      own: region
        ? {
            number: d.number,
            burdensBudget: d.burdensBudget,
            burdensPublic: d.burdensPublic ?? false,
            budgeted: d.budgeted ?? true,
            dprdApprovalRef: needsDprd ? d.dprdApprovalRef : null,
            dprdApprovalDate: needsDprd ? d.dprdApprovalDate : null,
          }
        : { number: d.number },
    };
  }
  if (!d.end) throw badRequest({ key: 'request.invalid' }, [need('body.document.end')]);
  if (row.pksEnd && d.end <= row.pksEnd)
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.document.end',
        message: fieldMessage('agreements.must_extend_current_end', { pksEnd: row.pksEnd }),
      },
    ]);
  return { shared: { date: d.date, end: d.end }, own: { number: d.number } };
}

/** What the stage writes on the agreement once every party has signed: the shared text. */
function fieldsOf(stage: SignedStage, doc: Record<string, unknown>, signatories: string[]) {
  if (stage === 'kesepakatan_bersama')
    return { kbDate: doc.date, kbSignatories: signatories } as Partial<Row>;
  if (stage === 'nota_kesepakatan') return { memorandumDate: doc.date } as Partial<Row>;
  if (stage === 'rencana_aksi') return { actionPlanDate: doc.date } as Partial<Row>;
  if (stage === 'perjanjian_kerja_sama')
    return { pksDate: doc.date, pksStart: doc.start, pksEnd: doc.end } as Partial<Row>;
  return { pksEnd: doc.end } as Partial<Row>;
}

/** What the stage writes on each party once every party has signed: the party's own record. */
function partyFieldsOf(stage: SignedStage, own: Record<string, unknown>) {
  const number = own.number as string;
  if (stage === 'kesepakatan_bersama') return { kbNumber: number };
  if (stage === 'nota_kesepakatan') return { memorandumNumber: number };
  if (stage === 'rencana_aksi') return { actionPlanNumber: number };
  if (stage === 'perjanjian_kerja_sama')
    return {
      pksNumber: number,
      burdensBudget: (own.burdensBudget as boolean | undefined) ?? null,
      burdensPublic: (own.burdensPublic as boolean | undefined) ?? null,
      budgeted: (own.budgeted as boolean | undefined) ?? null,
      dprdApprovalRef: (own.dprdApprovalRef as string | null | undefined) ?? null,
      dprdApprovalDate: (own.dprdApprovalDate as string | null | undefined) ?? null,
    };
  // a renewal (addendum) keeps its numbers in the signatures; the party's PKS number stays
  return null;
}

const OWN_FIELDS = new Set([
  'number',
  'burdensBudget',
  'burdensPublic',
  'budgeted',
  'dprdApprovalRef',
  'dprdApprovalDate',
]);

/** Fields of the shared text that differ from another party's signature (its own fields aside). */
const differingFields = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(a).filter((k) => !OWN_FIELDS.has(k) && (a[k] ?? null) !== (b[k] ?? null));

/**
 * One party signs a stage's document: in a region its head, or an admin
 * recording the head's signature; in a partner its admin. Every party signs
 * the same text (its dates and period), each under its own register number;
 * the stage is reached with the last signature, in the same transaction. Audited in the signing party's tenant.
 */
export async function signAgreement({ ctx, input }: { ctx: Ctx; input: SignInput }) {
  const { tenant, row, parties } = await agreementAccess(
    ctx,
    input.tenantId,
    input.agreementId,
    'agreements.sign',
  );
  const actor = requireUser(ctx);
  if (!nextStages(row.kind, row.stage, row.model).includes(input.stage))
    throw rule(row.kind, row.stage, input.stage, row.model);
  // who signs: the Kesepakatan Bersama by the heads (gubernur, bupati, wali kota); the PKS by the
  // heads or officials they delegated, with the delegation named
  const capacity = input.signatoryCapacity ?? 'head';
  if (
    capacity === 'delegated' &&
    (input.stage === 'kesepakatan_bersama' || input.stage === 'nota_kesepakatan') &&
    tenant.type === 'region'
  )
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.signatoryCapacity',
        message: fieldMessage('agreements.joint_agreement_kesepakatan_bersama_memorandum_nota'),
      },
    ]);
  if (capacity === 'delegated' && !input.delegationRef?.trim())
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.delegationRef',
        message: fieldMessage('agreements.is_required_when_delegated_official_signs'),
      },
    ]);
  const { shared, own } = documentFor(input.stage, input.document, row, tenant);
  const document = { ...shared, ...own };
  if (input.stage === 'rencana_aksi') {
    const [a] = await ctx.db
      .select({ id: agreementActions.id })
      .from(agreementActions)
      .where(eq(agreementActions.agreementId, row.id))
      .limit(1);
    if (!a) throw agreementRule('no_actions');
  }
  const membership = await membershipOf(ctx, tenant.id, actor.user.id);
  const now = ctx.now();
  try {
    await ctx.db.transaction(async (tx) => {
      // One signer at a time per agreement, so the last signature always sees the others.
      const [locked] = await tx
        .select()
        .from(agreements)
        .where(eq(agreements.id, row.id))
        .for('update');
      if (!locked || locked.stage !== row.stage)
        throw rule(row.kind, locked?.stage ?? row.stage, input.stage);
      const [{ cycle } = { cycle: 0 }] = await tx
        .select({ cycle: sql<number>`count(*)::int` })
        .from(agreementEvents)
        .where(
          and(eq(agreementEvents.agreementId, row.id), eq(agreementEvents.toStage, input.stage)),
        );
      const signed = await tx
        .select()
        .from(agreementSignatures)
        .where(
          and(
            eq(agreementSignatures.agreementId, row.id),
            eq(agreementSignatures.stage, input.stage),
            eq(agreementSignatures.cycle, cycle),
          ),
        );
      if (signed.some((s) => s.tenantId === tenant.id)) throw agreementRule('already_signed');
      const other = signed[0];
      if (other) {
        const differs = differingFields(shared, other.document);
        if (differs.length) throw agreementRule('document_differs', differs.join(', '));
      }
      await tx.insert(agreementSignatures).values({
        id: newId('event', now.getTime()),
        agreementId: row.id,
        stage: input.stage,
        cycle,
        tenantId: tenant.id,
        signatoryName: input.signatoryName,
        signatoryPosition: input.signatoryPosition,
        signatoryCapacity: capacity,
        delegationRef: capacity === 'delegated' ? input.delegationRef!.trim() : null,
        signedOn: input.signedOn,
        document,
        recordedBy: actor.user.id,
        recordedByRole: membership?.role ?? 'unknown',
        createdAt: now,
      });
      await recordAudit(tx, ctx, {
        tenantId: tenant.id,
        action: 'agreement.signed',
        targetType: 'agreement',
        targetId: row.id,
        diff: {
          stage: { to: input.stage },
          signatory: { to: `${input.signatoryName}, ${input.signatoryPosition}` },
        },
      });
      // the parties yet to sign are asked; the signer's own open request closes
      const awaited = parties
        .map((p) => p.id)
        .filter((id) => id !== tenant.id && !signed.some((s) => s.tenantId === id));
      await recordEvent(tx, ctx, {
        type: 'agreement.signature_awaited',
        tenantIds: awaited,
        closeTenantIds: [tenant.id],
        objectId: row.id,
        payload: { title: row.title, document: STAGE_WORDS[input.stage], signer: placeOf(tenant) },
      });
      if (signed.length + 1 === parties.length) {
        const all = [
          ...signed,
          {
            tenantId: tenant.id,
            signatoryName: input.signatoryName,
            signatoryPosition: input.signatoryPosition,
            document,
          },
        ];
        const names = all.map((s) => `${s.signatoryName}, ${s.signatoryPosition}`);
        await applyStage(
          tx,
          ctx,
          locked,
          input.stage,
          fieldsOf(input.stage, shared, names),
          tenant.id,
        );
        // each party's own register number (and DPRD approval), from its own signature
        for (const s of all) {
          const fields = partyFieldsOf(input.stage, s.document);
          if (fields)
            await tx
              .update(agreementParties)
              .set(fields)
              .where(
                and(
                  eq(agreementParties.agreementId, row.id),
                  eq(agreementParties.tenantId, s.tenantId),
                ),
              );
        }
      }
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw agreementRule('already_signed');
    throw err;
  }
  return getAgreement({ ctx, input });
}
