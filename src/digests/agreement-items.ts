import { inArray } from 'drizzle-orm';
import { agreementActions, agreementEvaluations } from '../../db/schema';
import { type AgreementFacts, flagsOf, isLapsed } from '../agreements/stages';
import { spokenDate } from '../forums/time';
import { type Ctx, isoDate } from '../platform/context';
import { addDays } from '../platform/date-rules';
import { linkOf } from '../platform/links';
import type { DigestItem } from './render';

const EXPIRING_AGREEMENT_DAYS = 90;

/** A party's agreement as the digest reads it. */
type AgreementRow = {
  row: AgreementFacts;
  id: string;
  tenantId: string;
  partyStatus: string;
  title: string;
  stage: string;
  confirmedAt: Date | null;
  pksEnd: string | null;
};

/**
 * What a region's own active agreements need: the flags the agreement itself
 * shows (stalled, evaluation due, PKS ending or ended without renewal).
 */
export async function addAgreementItems(
  ctx: Ctx,
  agreementRows: AgreementRow[],
  now: Date,
  add: (tenantId: string, item: DigestItem) => void,
) {
  // stalled after the first signed document, or an evaluation due: the flags the agreement itself shows
  const confirmed = agreementRows.filter((a) => a.confirmedAt);
  const ids = [...new Set(confirmed.map((a) => a.id))];
  const [actionRows, evaluationRows] = ids.length
    ? await Promise.all([
        ctx.db
          .select({
            agreementId: agreementActions.agreementId,
            dueDate: agreementActions.dueDate,
            status: agreementActions.status,
          })
          .from(agreementActions)
          .where(inArray(agreementActions.agreementId, ids)),
        ctx.db
          .select({
            agreementId: agreementEvaluations.agreementId,
            date: agreementEvaluations.date,
            nextEvaluationDate: agreementEvaluations.nextEvaluationDate,
          })
          .from(agreementEvaluations)
          .where(inArray(agreementEvaluations.agreementId, ids))
          .orderBy(agreementEvaluations.date),
      ])
    : [[], []];
  for (const a of confirmed) {
    const f = flagsOf(
      isoDate(now),
      a.row,
      actionRows.filter((x) => x.agreementId === a.id),
      evaluationRows.filter((x) => x.agreementId === a.id),
    );
    if (f.stalled)
      add(a.tenantId, {
        section: 'lapsing',
        key: `agreement-stalled:${a.id}`,
        state: a.stage,
        title: a.title,
        reason: {
          id: 'Kerja sama tertahan: 90 hari setelah dokumen pertama ditandatangani belum ada perjanjian kerja sama atau rencana aksi.',
          en: 'Stalled: 90 days after the first signed document there is no cooperation agreement or action plan yet.',
        },
        url: linkOf(ctx.config, 'agreement', { tenantId: a.tenantId, agreementId: a.id }),
      });
    if (f.evaluationDue)
      add(a.tenantId, {
        section: 'lapsing',
        key: `agreement-evaluation:${a.id}`,
        state: evaluationRows.filter((x) => x.agreementId === a.id).at(-1)?.date ?? 'none',
        title: a.title,
        reason: {
          id: 'Evaluasi kerja sama sudah jatuh tempo.',
          en: 'The agreement’s evaluation is due.',
        },
        url: linkOf(ctx.config, 'agreement', { tenantId: a.tenantId, agreementId: a.id }),
      });
  }
  for (const a of agreementRows) {
    // an invitation to confirm is asked by the event stream (`agreement.party_named`)
    // the warning goes on past the end: a PKS neither renewed nor ended has lapsed
    if (
      a.confirmedAt &&
      a.pksEnd &&
      a.stage !== 'berakhir' &&
      a.pksEnd <= isoDate(addDays(now, EXPIRING_AGREEMENT_DAYS))
    ) {
      const lapsed = isLapsed(a, isoDate(now));
      add(a.tenantId, {
        section: 'lapsing',
        key: `agreement-expiring:${a.id}`,
        state: lapsed ? `lapsed:${a.pksEnd}` : a.pksEnd,
        title: a.title,
        reason: lapsed
          ? {
              id: `Perjanjian Kerja Sama telah berakhir pada ${spokenDate(a.pksEnd, 'id')} tanpa perpanjangan; perpanjang atau nyatakan berakhir.`,
              en: `The cooperation agreement ended on ${spokenDate(a.pksEnd, 'en')} without renewal; renew it or record its end.`,
            }
          : {
              id: `Perjanjian Kerja Sama berakhir pada ${spokenDate(a.pksEnd, 'id')}; perlu diperpanjang atau diakhiri.`,
              en: `The cooperation agreement ends on ${spokenDate(a.pksEnd, 'en')}; renew or end it.`,
            },
        url: linkOf(ctx.config, 'agreement', { tenantId: a.tenantId, agreementId: a.id }),
      });
    }
  }
}
