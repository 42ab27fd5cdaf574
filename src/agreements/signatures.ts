import { and, eq, sql } from 'drizzle-orm';
import {
  agreementActions,
  agreementEvents,
  agreementSignatures,
  agreements,
} from '../../db/schema';
import { membershipOf, requireUser } from '../identity/access';
import { recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { notBefore } from '../platform/date-rules';
import { badRequest, isUniqueViolation, type RaisedFieldError } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { newId } from '../platform/ids';
import { agreementAccess, applyStage, getAgreement, type Row } from './agreements';
import { agreementRule, nextStages, rule, type SignedStage } from './stages';

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

/** The document as every party must sign it: only the fields its stage has, checked. */
function documentFor(stage: SignedStage, d: SignedDocument, row: Row): Record<string, unknown> {
  const errors: RaisedFieldError[] = [];
  if (stage === 'kesepakatan_bersama' || stage === 'nota_kesepakatan' || stage === 'rencana_aksi')
    return { number: d.number, date: d.date };
  if (stage === 'perjanjian_kerja_sama') {
    for (const f of ['start', 'end', 'burdensBudget'] as const)
      if (d[f] === undefined) errors.push(need(`body.document.${f}`));
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
    // budgeted in this year's APBD; either burden alone does not call for it
    const needsDprd = (!!d.burdensBudget && !!d.burdensPublic) || d.budgeted === false;
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
      number: d.number,
      date: d.date,
      start: d.start,
      end: d.end,
      burdensBudget: d.burdensBudget,
      burdensPublic: d.burdensPublic ?? false,
      budgeted: d.budgeted ?? true,
      dprdApprovalRef: d.dprdApprovalRef ?? null,
      dprdApprovalDate: d.dprdApprovalDate ?? null,
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
  return { number: d.number, date: d.date, end: d.end };
}

/** What the stage writes on the agreement once every party has signed. */
function fieldsOf(stage: SignedStage, doc: Record<string, unknown>, signatories: string[]) {
  if (stage === 'kesepakatan_bersama')
    return { kbNumber: doc.number, kbDate: doc.date, kbSignatories: signatories } as Partial<Row>;
  if (stage === 'nota_kesepakatan')
    return { memorandumNumber: doc.number, memorandumDate: doc.date } as Partial<Row>;
  if (stage === 'rencana_aksi')
    return { actionPlanNumber: doc.number, actionPlanDate: doc.date } as Partial<Row>;
  if (stage === 'perjanjian_kerja_sama')
    return {
      pksNumber: doc.number,
      pksDate: doc.date,
      pksStart: doc.start,
      pksEnd: doc.end,
      burdensBudget: doc.burdensBudget,
      burdensPublic: doc.burdensPublic,
      budgeted: doc.budgeted,
      dprdApprovalRef: doc.dprdApprovalRef,
      dprdApprovalDate: doc.dprdApprovalDate,
    } as Partial<Row>;
  return { pksEnd: doc.end } as Partial<Row>;
}

const differingFields = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(a).filter((k) => (a[k] ?? null) !== (b[k] ?? null));

/**
 * One party signs a stage's document: in a region its head, or an admin
 * recording the head's signature; in a partner its admin. Every party signs
 * the same document (number, dates); the stage is reached with the last
 * signature, in the same transaction. Audited in the signing party's tenant.
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
  const document = documentFor(input.stage, input.document, row);
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
        const differs = differingFields(document, other.document);
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
      if (signed.length + 1 === parties.length) {
        const names = [
          ...signed,
          { signatoryName: input.signatoryName, signatoryPosition: input.signatoryPosition },
        ].map((s) => `${s.signatoryName}, ${s.signatoryPosition}`);
        await applyStage(
          tx,
          ctx,
          locked,
          input.stage,
          fieldsOf(input.stage, document, names),
          tenant.id,
        );
      }
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw agreementRule('already_signed');
    throw err;
  }
  return getAgreement({ ctx, input });
}
