import { and, asc, desc, eq, gte, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import {
  agreementActions,
  agreementEvaluations,
  agreementParties,
  agreements,
  annualReports,
  mappingDecisions,
  potentials,
  regions,
  tenants,
} from '../../db/schema';
import { isLapsed, STAGE_WORDS, STAGES, type Stage } from '../agreements/stages';
import { enqueueEmail } from '../email/outbox';
import { recordEvent } from '../events/events';
import { forumsHeldSince } from '../forums/outcomes';
import { yearInIndonesia } from '../forums/time';
import {
  authorize,
  provinceOf,
  requireActiveTenant,
  requirePlatformAdmin,
  requireUser,
} from '../identity/access';
import { adminsOf } from '../identity/members';
import { recordAudit } from '../platform/audit';
import { type Ctx, today } from '../platform/context';
import { spokenDate } from '../platform/date-rules';
import { ApiError, badRequest, isUniqueViolation, notFound } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import type { Lang } from '../platform/i18n';
import { newId } from '../platform/ids';
import { linkOf } from '../platform/links';
import { governmentOf, officeOf, placeOf } from '../platform/offices';

/**
 * The annual report on Kerja Sama Daerah (PP 28/2018; Permendagri 22/2020): a
 * kabupaten/kota reports to its governor, the province reviews each report
 * and forwards a consolidated one to the Ministry. Each report is generated
 * from the data and frozen when submitted; a returned report stays as it was
 * and the region submits a new version.
 */
export type ReportRow = typeof annualReports.$inferSelect;

const FIRST_YEAR = 2018; // PP 28/2018
const wibYear = (ctx: Ctx) => yearInIndonesia(ctx.now());
const bounds = (year: number) => ({ from: `${year}-01-01`, to: `${year + 1}-01-01` });

const RULES = {
  autonomous: {
    id: 'hanya daerah otonom (provinsi, kabupaten, kota) yang menyampaikan laporan tahunan kerja sama daerah',
    en: 'only autonomous regions (provinces, regencies, cities) submit an annual cooperation report',
  },
  submitted: {
    id: 'laporan tahun ini sudah disampaikan; versi baru hanya setelah laporan dikembalikan oleh provinsi',
    en: 'this year’s report has already been submitted; a new version only after the province returns it',
  },
  not_submitted: {
    id: 'hanya laporan yang berstatus disampaikan yang dapat ditelaah',
    en: 'only a submitted report can be reviewed',
  },
} as const;

function reportRule(rule: keyof typeof RULES | { id: string; en: string }): ApiError {
  const r = typeof rule === 'string' ? RULES[rule] : rule;
  return new ApiError('CONFLICT', {
    key: 'potential.rule',
    params: { ruleId: r.id, ruleEn: r.en },
  });
}

/** A report covers a finished year; before the year ends it is a clearly marked interim one. */
const yearNotEnded = (year: number) => ({
  id: `tahun ${year} belum berakhir (berakhir pada ${spokenDate(`${year}-12-31`, 'id')}): laporan tahunan disampaikan setelah tahunnya berakhir, atau sekarang sebagai laporan sementara`,
  en: `the year ${year} has not ended (it ends on ${spokenDate(`${year}-12-31`, 'en')}): the annual report is submitted once the year has ended, or now as an interim report`,
});

/** A province forwards its consolidated report only once every submitted kabupaten/kota report is reviewed. */
const unreviewed = (names: string[]) => ({
  id: `laporan ${names.join(', ')} belum ditelaah: terima atau kembalikan laporan itu sebelum meneruskan laporan provinsi ke Kementerian`,
  en: `the report of ${names.join(', ')} is not yet reviewed: accept or return it before forwarding the province’s report to the Ministry`,
});

/** Why a forwarded consolidated report is stale: which report changed after it, and how. */
const STALE_WORDS: Record<string, { id: string; en: string }> = {
  submitted: { id: 'menyampaikan laporan', en: 'submitted a report' },
  accepted: { id: 'laporannya diterima', en: 'had its report accepted' },
  returned: { id: 'laporannya dikembalikan', en: 'had its report returned' },
};
function staleView(r: ReportRow) {
  if (!r.staleSince || !r.staleBecause) return null;
  const { name, status } = r.staleBecause;
  const what = STALE_WORDS[status] ?? STALE_WORDS.submitted!;
  return {
    since: r.staleSince,
    regionCode: r.staleBecause.regionCode,
    message: {
      id: `Laporan ini tidak lagi mutakhir: ${name} ${what.id} setelah laporan provinsi diteruskan. Sampaikan versi baru.`,
      en: `This report is out of date: ${name} ${what.en} after the province’s report was forwarded. Submit a new version.`,
    },
  };
}

/**
 * A kabupaten/kota's report changed (submitted, accepted, returned) after its
 * province forwarded the year's consolidated report: that report no longer
 * says what is true, and says so until the province submits a new version.
 */
async function markForwardedStale(
  tx: Tx,
  report: Pick<ReportRow, 'provinceCode' | 'year'>,
  region: { regionCode: string; name: string },
  status: string,
  now: Date,
) {
  await tx
    .update(annualReports)
    .set({ staleSince: now, staleBecause: { ...region, status } })
    .where(
      and(
        eq(annualReports.provinceCode, report.provinceCode),
        eq(annualReports.year, report.year),
        eq(annualReports.scope, 'province'),
        eq(annualReports.status, 'forwarded'),
        isNull(annualReports.staleSince),
      ),
    );
}

function checkYear(ctx: Ctx, year: number, location: string) {
  const last = wibYear(ctx);
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > last)
    throw badRequest({ key: 'request.invalid' }, [
      {
        location,
        message: fieldMessage('reports.must_year_from', { FIRST_YEAR, last }),
      },
    ]);
}

/** A region tenant that reports: autonomous, with its region and province. */
async function reporter(ctx: Ctx, tenantId: string, permission: 'reports.read' | 'reports.submit') {
  const { tenant } = await authorize(ctx, tenantId, permission);
  if (tenant.type !== 'region' || !tenant.regionCode) throw notFound({ key: 'tenant.not_found' });
  const [region] = await ctx.db
    .select({
      code: regions.code,
      name: regions.name,
      kind: regions.kind,
      provinceCode: regions.provinceCode,
      autonomous: regions.autonomous,
    })
    .from(regions)
    .where(eq(regions.code, tenant.regionCode));
  if (!region) throw notFound({ key: 'tenant.not_found' });
  return { tenant, region, provinceCode: region.provinceCode ?? region.code };
}

/** What a region did in the year, from the data: the mapping with its SK, agreements by stage, evaluations. */
async function regionContent(ctx: Ctx, tenantId: string, year: number) {
  const { from, to } = bounds(year);
  const inYear = (col: AnyPgColumn) => and(gte(col, from), lt(col, to));
  // the agreements' state as of the year's end (or today, for an interim report)
  const asOf = [`${year}-12-31`, today(ctx)].sort()[0]!;
  const [decisions, established, published, parties, evaluations, actions, held] =
    await Promise.all([
      ctx.db
        .select({
          kind: mappingDecisions.kind,
          number: mappingDecisions.number,
          date: mappingDecisions.date,
          potentialIds: mappingDecisions.potentialIds,
        })
        .from(mappingDecisions)
        .where(and(eq(mappingDecisions.tenantId, tenantId), inYear(mappingDecisions.date)))
        .orderBy(asc(mappingDecisions.date)),
      ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(potentials)
        .where(and(eq(potentials.tenantId, tenantId), inYear(potentials.skDate))),
      ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(potentials)
        .where(
          and(
            eq(potentials.tenantId, tenantId),
            sql`${potentials.publishedAt} >= ${from}::date and ${potentials.publishedAt} < ${to}::date`,
          ),
        ),
      // agreements every party confirmed, begun before the year's end
      ctx.db
        .select({
          id: agreements.id,
          title: agreements.title,
          kind: agreements.kind,
          stage: agreements.stage,
          // the numbers under which this region registered the documents
          kbNumber: agreementParties.kbNumber,
          memorandumNumber: agreementParties.memorandumNumber,
          pksNumber: agreementParties.pksNumber,
          pksStart: agreements.pksStart,
          pksEnd: agreements.pksEnd,
        })
        .from(agreementParties)
        .innerJoin(agreements, eq(agreements.id, agreementParties.agreementId))
        .where(
          and(
            eq(agreementParties.tenantId, tenantId),
            isNotNull(agreements.confirmedAt),
            sql`${agreements.createdAt} < ${to}::date`,
          ),
        )
        .orderBy(asc(agreements.id)),
      ctx.db
        .select({
          agreementId: agreementEvaluations.agreementId,
          date: agreementEvaluations.date,
          rating: agreementEvaluations.rating,
          findings: agreementEvaluations.findings,
          benefits: agreementEvaluations.benefits,
          obstacles: agreementEvaluations.obstacles,
          followUp: agreementEvaluations.followUp,
          budgetPlannedIdr: agreementEvaluations.budgetPlannedIdr,
          budgetRealisedIdr: agreementEvaluations.budgetRealisedIdr,
        })
        .from(agreementEvaluations)
        .innerJoin(
          agreementParties,
          and(
            eq(agreementParties.agreementId, agreementEvaluations.agreementId),
            eq(agreementParties.tenantId, tenantId),
          ),
        )
        .where(inYear(agreementEvaluations.date))
        .orderBy(asc(agreementEvaluations.date)),
      // the action plans' realisation: actions due by the year's end, and how many are done
      ctx.db
        .select({
          agreementId: agreementActions.agreementId,
          total: sql<number>`count(*)::int`,
          done: sql<number>`(count(*) filter (where ${agreementActions.status} = 'done'))::int`,
        })
        .from(agreementActions)
        .innerJoin(
          agreementParties,
          and(
            eq(agreementParties.agreementId, agreementActions.agreementId),
            eq(agreementParties.tenantId, tenantId),
          ),
        )
        .where(lt(agreementActions.dueDate, to))
        .groupBy(agreementActions.agreementId),
      forumsHeldSince(ctx, from, to),
    ]);
  const byStage = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const a of parties) byStage[a.stage] += 1;
  const latest = new Map(evaluations.map((e) => [e.agreementId, e]));
  const realised = new Map(actions.map((a) => [a.agreementId, a]));
  // what a ministry asks of each agreement: its status, the realisation and benefits, the
  // obstacles, the follow-up, and the budget realisation where recorded (the year's last evaluation)
  const items = parties.map((a) => {
    const e = latest.get(a.id);
    return {
      ...a,
      stageLabel: STAGE_WORDS[a.stage],
      lapsed: isLapsed(a, asOf),
      actions: { total: realised.get(a.id)?.total ?? 0, done: realised.get(a.id)?.done ?? 0 },
      evaluation: e
        ? {
            date: e.date,
            rating: e.rating,
            findings: e.findings,
            benefits: e.benefits,
            obstacles: e.obstacles,
            followUp: e.followUp,
            budgetPlannedIdr: e.budgetPlannedIdr,
            budgetRealisedIdr: e.budgetRealisedIdr,
          }
        : null,
    };
  });
  const recorded = items.flatMap((i) =>
    i.evaluation &&
    (i.evaluation.budgetPlannedIdr !== null || i.evaluation.budgetRealisedIdr !== null)
      ? [i.evaluation]
      : [],
  );
  return {
    mapping: {
      decisions: decisions.map((d) => ({
        kind: d.kind,
        number: d.number,
        date: d.date,
        potentials: d.potentialIds.length,
      })),
      established: Number(established[0]?.n ?? 0),
      published: Number(published[0]?.n ?? 0),
    },
    agreements: {
      total: parties.length,
      byStage,
      lapsed: items.filter((i) => i.lapsed).length,
      budget: recorded.length
        ? {
            agreements: recorded.length,
            plannedIdr: recorded.reduce((s, e) => s + (e.budgetPlannedIdr ?? 0), 0),
            realisedIdr: recorded.reduce((s, e) => s + (e.budgetRealisedIdr ?? 0), 0),
          }
        : null,
      items,
    },
    evaluations: evaluations.map((e) => ({
      agreementId: e.agreementId,
      date: e.date,
      rating: e.rating,
      findings: e.findings,
    })),
    forumsHeld: held.get(tenantId) ?? 0,
  };
}
type RegionContent = Awaited<ReturnType<typeof regionContent>>;

const summaryOf = (c: RegionContent) => ({
  skIssued: c.mapping.decisions.filter((d) => d.kind === 'sk').length,
  established: c.mapping.established,
  agreements: c.agreements.total,
  evaluations: c.evaluations.length,
});

/** The latest version of each tenant's report for a year. */
async function latestReports(ctx: Ctx, where: ReturnType<typeof and>) {
  const rows = await ctx.db
    .select()
    .from(annualReports)
    .where(where)
    .orderBy(asc(annualReports.tenantId), desc(annualReports.version));
  const latest = new Map<string, ReportRow>();
  for (const r of rows) if (!latest.has(r.tenantId)) latest.set(r.tenantId, r);
  return latest;
}

/** For a province: each kabupaten/kota's latest report of the year (or none). */
async function provinceRegions(ctx: Ctx, provinceCode: string, year: number) {
  const [members, latest] = await Promise.all([
    ctx.db
      .select({ code: regions.code, name: regions.name, tenantId: tenants.id })
      .from(regions)
      .innerJoin(tenants, eq(tenants.regionCode, regions.code))
      .where(and(eq(regions.provinceCode, provinceCode), eq(regions.autonomous, true)))
      .orderBy(asc(regions.code)),
    latestReports(
      ctx,
      and(
        eq(annualReports.provinceCode, provinceCode),
        eq(annualReports.year, year),
        eq(annualReports.scope, 'region'),
      ),
    ),
  ]);
  return members.map((m) => {
    const r = latest.get(m.tenantId);
    return {
      regionCode: m.code,
      name: m.name,
      tenantId: m.tenantId,
      status: r ? r.status : ('not_reported' as const),
      reportId: r?.id ?? null,
      version: r?.version ?? null,
      submittedAt: r?.submittedAt ?? null,
      summary: r ? summaryOf(r.content as RegionContent) : null,
    };
  });
}

/** What the report would say now: generated, not stored. */
export async function draftAnnualReport({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; year: number };
}) {
  checkYear(ctx, input.year, 'path.year');
  const { tenant, region, provinceCode } = await reporter(ctx, input.tenantId, 'reports.read');
  return {
    year: input.year,
    ...(await contentFor(ctx, tenant.id, region, provinceCode, input.year)),
  };
}

async function contentFor(
  ctx: Ctx,
  tenantId: string,
  region: { code: string; name: string; kind: string },
  provinceCode: string,
  year: number,
) {
  const own = await regionContent(ctx, tenantId, year);
  const base = { region: { code: region.code, name: region.name, kind: region.kind }, ...own };
  if (region.kind !== 'provinsi') return { scope: 'region' as const, ...base };
  const members = await provinceRegions(ctx, provinceCode, year);
  return {
    scope: 'province' as const,
    ...base,
    regions: members,
    reporting: {
      regions: members.length,
      reported: members.filter((m) => m.status !== 'not_reported').length,
      accepted: members.filter((m) => m.status === 'accepted').length,
      notReported: members.filter((m) => m.status === 'not_reported').map((m) => m.regionCode),
    },
  };
}

export function reportView(r: ReportRow) {
  return {
    interim: r.interim,
    stale: staleView(r),
    id: r.id,
    tenantId: r.tenantId,
    provinceCode: r.provinceCode,
    year: r.year,
    version: r.version,
    scope: r.scope,
    status: r.status,
    content: r.content,
    submittedAt: r.submittedAt,
    reviewedAt: r.reviewedAt,
    reviewNote: r.reviewNote,
  };
}

/**
 * Submits (and freezes) the year's report: a kabupaten/kota to its province, a
 * province its consolidated report to the Ministry (listing who has not
 * reported). The province's admins are told of a kabupaten/kota's report.
 */
export async function submitAnnualReport({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; year: number; interim?: boolean };
}) {
  checkYear(ctx, input.year, 'body.year');
  const { tenant, region, provinceCode } = await reporter(ctx, input.tenantId, 'reports.submit');
  const actor = requireUser(ctx);
  requireActiveTenant(tenant);
  if (!region.autonomous) throw reportRule('autonomous');
  const ended = input.year < wibYear(ctx);
  if (ended && input.interim)
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.interim',
        message: fieldMessage('reports.year_ended_final', { year: input.year }),
      },
    ]);
  if (!ended && !input.interim) throw reportRule(yearNotEnded(input.year));
  const [last] = await ctx.db
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.tenantId, tenant.id), eq(annualReports.year, input.year)))
    .orderBy(desc(annualReports.version))
    .limit(1);
  // a new version after a returned one, an interim one, or a forwarded one gone stale
  if (last && last.status !== 'returned' && !last.interim && !last.staleSince)
    throw reportRule('submitted');
  const content = await contentFor(ctx, tenant.id, region, provinceCode, input.year);
  if (content.scope === 'province') {
    const waiting = content.regions.filter((r) => r.status === 'submitted').map((r) => r.name);
    if (waiting.length) throw reportRule(unreviewed(waiting));
  }
  const now = ctx.now();
  const row: ReportRow = {
    id: newId('report', now.getTime()),
    tenantId: tenant.id,
    provinceCode,
    year: input.year,
    version: (last?.version ?? 0) + 1,
    scope: content.scope,
    status: content.scope === 'province' ? 'forwarded' : 'submitted',
    content,
    submittedBy: actor.user.id,
    submittedAt: now,
    reviewedBy: null,
    reviewedAt: null,
    reviewNote: null,
    interim: !ended,
    staleSince: null,
    staleBecause: null,
  };
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.insert(annualReports).values(row);
      await recordAudit(tx, ctx, {
        tenantId: tenant.id,
        action: 'annual_report.submitted',
        targetType: 'annual_report',
        targetId: row.id,
        diff: { year: { to: row.year }, version: { to: row.version }, status: { to: row.status } },
      });
      if (row.scope !== 'region') return;
      const [province] = await tx
        .select({ id: tenants.id })
        .from(tenants)
        .where(eq(tenants.regionCode, provinceCode));
      // the province's secretariat must review it; the earlier version's items close (the
      // region's "returned", the province's review of a superseded interim report)
      await recordEvent(tx, ctx, {
        type: 'annual_report.submitted',
        tenantIds: province ? [province.id] : [],
        closeTenantIds: [tenant.id, ...(province ? [province.id] : [])],
        ...(last ? { closeObjectId: last.id } : {}),
        objectId: row.id,
        payload: { region: placeOf(tenant), year: row.year },
      });
      await markForwardedStale(
        tx,
        row,
        { regionCode: region.code, name: tenant.name },
        'submitted',
        now,
      );
      for (const admin of province ? await adminsOf(tx, [province.id]) : [])
        await enqueueEmail(tx, ctx, admin.email, admin.locale as Lang, 'annual_report', {
          office: officeOf(admin.tenant, 'admin', admin.locale as Lang),
          event: 'submitted',
          region: governmentOf(tenant, admin.locale as Lang),
          year: row.year,
          note: null,
          url: linkOf(ctx.config, 'annualReport', { tenantId: admin.tenantId, reportId: row.id }),
        });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw reportRule('submitted');
    throw err;
  }
  return reportView(row);
}

/** A report, read by its region or by the province it reports to. */
async function visibleReport(ctx: Ctx, tenantId: string, reportId: string, review: boolean) {
  const { tenant } = await authorize(ctx, tenantId, review ? 'reports.submit' : 'reports.read');
  const [r] = await ctx.db.select().from(annualReports).where(eq(annualReports.id, reportId));
  const province = provinceOf(tenant);
  const ownReport = r?.tenantId === tenant.id;
  const ofMyRegion = !!r && !!province && r.scope === 'region' && r.provinceCode === province;
  if (!r || (review ? !ofMyRegion : !ownReport && !ofMyRegion))
    throw notFound({ key: 'annual_report.not_found' });
  return { tenant, report: r };
}

export async function getAnnualReport({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; reportId: string };
}) {
  return reportView((await visibleReport(ctx, input.tenantId, input.reportId, false)).report);
}

/** Its own reports, every version, newest first. */
export async function listAnnualReports({ ctx, input }: { ctx: Ctx; input: { tenantId: string } }) {
  const { tenant } = await authorize(ctx, input.tenantId, 'reports.read');
  const rows = await ctx.db
    .select()
    .from(annualReports)
    .where(eq(annualReports.tenantId, tenant.id))
    .orderBy(desc(annualReports.year), desc(annualReports.version));
  return { data: rows.map(reportView) };
}

/** The province accepts a kabupaten/kota's report or returns it with a note; the region's admins are told. */
export async function reviewAnnualReport({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; reportId: string; decision: 'accept' | 'return'; note?: string };
}) {
  const { tenant, report } = await visibleReport(ctx, input.tenantId, input.reportId, true);
  const actor = requireUser(ctx);
  const note = input.note?.trim() || null;
  if (input.decision === 'return' && !note)
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'body.note',
        message: fieldMessage('reports.is_required_when_returning_report_what'),
      },
    ]);
  const status = input.decision === 'accept' ? ('accepted' as const) : ('returned' as const);
  const now = ctx.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(annualReports)
      .set({ status, reviewedBy: actor.user.id, reviewedAt: now, reviewNote: note })
      .where(and(eq(annualReports.id, report.id), eq(annualReports.status, 'submitted')))
      .returning();
    if (!row) throw reportRule('not_submitted');
    const [reported] = await tx
      .select({ name: tenants.name, regionCode: tenants.regionCode })
      .from(tenants)
      .where(eq(tenants.id, report.tenantId));
    await markForwardedStale(
      tx,
      report,
      { regionCode: reported?.regionCode ?? '', name: reported?.name ?? '' },
      status,
      now,
    );
    for (const t of [tenant.id, report.tenantId])
      await recordAudit(tx, ctx, {
        tenantId: t,
        action: `annual_report.${status}`,
        targetType: 'annual_report',
        targetId: report.id,
        diff: {
          status: { from: 'submitted', to: status },
          ...(note ? { note: { to: note } } : {}),
        },
      });
    // the region is told (asked to correct it, when returned); the province's item closes
    if (status === 'returned')
      await recordEvent(tx, ctx, {
        type: 'annual_report.returned',
        tenantIds: [report.tenantId],
        closeTenantIds: [tenant.id],
        objectId: report.id,
        payload: { province: governmentOf(tenant), year: report.year, note: note ?? '' },
      });
    else
      await recordEvent(tx, ctx, {
        type: 'annual_report.accepted',
        tenantIds: [report.tenantId],
        closeTenantIds: [tenant.id],
        objectId: report.id,
        payload: { province: governmentOf(tenant), year: report.year },
      });
    for (const admin of await adminsOf(tx, [report.tenantId]))
      await enqueueEmail(tx, ctx, admin.email, admin.locale as Lang, 'annual_report', {
        office: officeOf(admin.tenant, 'admin', admin.locale as Lang),
        event: status,
        region: placeOf(admin.tenant),
        province: governmentOf(tenant, admin.locale as Lang),
        year: report.year,
        note,
        url: linkOf(ctx.config, 'annualReport', { tenantId: admin.tenantId, reportId: report.id }),
      });
    return row;
  });
  return reportView(updated);
}

/** For a province: who of its kabupaten/kota has reported for the year, and its own consolidated report. */
export async function provinceReporting({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { tenantId: string; year: number };
}) {
  checkYear(ctx, input.year, 'query.year');
  const { tenant } = await authorize(ctx, input.tenantId, 'reports.read');
  const province = provinceOf(tenant);
  if (!province) throw notFound({ key: 'tenant.not_found' });
  const [data, own] = await Promise.all([
    provinceRegions(ctx, province, input.year),
    latestReports(
      ctx,
      and(eq(annualReports.tenantId, tenant.id), eq(annualReports.year, input.year)),
    ),
  ]);
  const consolidated = own.get(tenant.id);
  return {
    provinceCode: province,
    year: input.year,
    forwarded: consolidated
      ? {
          id: consolidated.id,
          submittedAt: consolidated.submittedAt,
          stale: !!consolidated.staleSince,
        }
      : null,
    data,
    summary: {
      regions: data.length,
      reported: data.filter((d) => d.status !== 'not_reported').length,
      accepted: data.filter((d) => d.status === 'accepted').length,
      returned: data.filter((d) => d.status === 'returned').length,
      notReported: data.filter((d) => d.status === 'not_reported').length,
    },
  };
}

/** For the Ministry (platform admin): per province, who has reported and whether the province forwarded. */
export async function nationalReporting({ ctx, input }: { ctx: Ctx; input: { year: number } }) {
  requirePlatformAdmin(ctx);
  checkYear(ctx, input.year, 'query.year');
  const [provinces, members, latest] = await Promise.all([
    ctx.db
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(eq(regions.kind, 'provinsi'))
      .orderBy(asc(regions.code)),
    ctx.db
      .select({ provinceCode: regions.provinceCode, n: sql<number>`count(*)::int` })
      .from(regions)
      .where(and(eq(regions.autonomous, true), isNotNull(regions.provinceCode)))
      .groupBy(regions.provinceCode),
    latestReports(ctx, eq(annualReports.year, input.year)),
  ]);
  const reports = [...latest.values()];
  const data = provinces.map((p) => {
    const mine = reports.filter((r) => r.provinceCode === p.code && r.scope === 'region');
    const forwarded = reports.find((r) => r.provinceCode === p.code && r.scope === 'province');
    const regionsCount = Number(members.find((m) => m.provinceCode === p.code)?.n ?? 0);
    return {
      provinceCode: p.code,
      name: p.name,
      forwarded: !!forwarded,
      forwardedAt: forwarded?.submittedAt ?? null,
      regions: regionsCount,
      reported: mine.length,
      accepted: mine.filter((r) => r.status === 'accepted').length,
      notReported: regionsCount - mine.length,
    };
  });
  return {
    year: input.year,
    data,
    summary: {
      provinces: data.length,
      forwarded: data.filter((d) => d.forwarded).length,
      regions: data.reduce((s, d) => s + d.regions, 0),
      reported: data.reduce((s, d) => s + d.reported, 0),
      accepted: data.reduce((s, d) => s + d.accepted, 0),
      notReported: data.reduce((s, d) => s + d.notReported, 0),
    },
  };
}
