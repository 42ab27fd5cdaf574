import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { potentials, regions, tenants } from '../../db/schema';
import { forumsHeldSince } from '../forums/outcomes';
import { yearInIndonesia } from '../forums/time';
import { authorize, requirePlatformAdmin } from '../identity/access';
import type { Ctx } from '../platform/context';
import { notFound } from '../platform/errors';
import { STATUSES } from '../potentials/rules';

// every state of a potential, counted (criteria_not_met: the plenary found it does not meet the criteria)
type Counts = Record<(typeof STATUSES)[number], number>;
const zero = (): Counts => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Counts;

/** The year as people in Indonesia count it (WIB). */
const yearStart = (ctx: Ctx) => `${yearInIndonesia(ctx.now())}-01-01`;

async function perTenant(ctx: Ctx, provinceCode: string | null) {
  const since = yearStart(ctx);
  const [rows, rounds, counts, forumsHeld] = await Promise.all([
    ctx.db
      .select({
        code: regions.code,
        name: regions.name,
        provinceCode: regions.provinceCode,
        kind: regions.kind,
        autonomous: regions.autonomous,
        tenantId: tenants.id,
        status: tenants.status,
      })
      .from(regions)
      .innerJoin(tenants, eq(tenants.regionCode, regions.code))
      .where(
        provinceCode
          ? eq(regions.provinceCode, provinceCode)
          : sql`${regions.provinceCode} is not null`,
      )
      .orderBy(asc(regions.code)),
    // mapped this year: the head's SK established potentials this year (not a round merely opened)
    ctx.db
      .select({ tenantId: potentials.tenantId, n: sql<number>`count(*)::int` })
      .from(potentials)
      .where(gte(potentials.skDate, since))
      .groupBy(potentials.tenantId),
    ctx.db
      .select({
        tenantId: potentials.tenantId,
        status: potentials.status,
        n: sql<number>`count(*)::int`,
      })
      .from(potentials)
      .where(provinceCode ? eq(potentials.provinceCode, provinceCode) : undefined)
      .groupBy(potentials.tenantId, potentials.status),
    forumsHeldSince(ctx, since),
  ]);
  const roundsBy = new Map(rounds.map((r) => [r.tenantId, Number(r.n)]));
  const countsBy = new Map<string, Counts>();
  for (const c of counts) {
    const entry = countsBy.get(c.tenantId) ?? zero();
    entry[c.status] = Number(c.n);
    countsBy.set(c.tenantId, entry);
  }
  return rows.map((r) => ({
    regionCode: r.code,
    name: r.name,
    provinceCode: r.provinceCode!,
    kind: r.kind,
    autonomous: r.autonomous,
    tenantId: r.tenantId,
    claimed: r.status === 'active',
    mappedThisYear: (roundsBy.get(r.tenantId) ?? 0) > 0,
    potentials: countsBy.get(r.tenantId) ?? zero(),
    forumsHeld: forumsHeld.get(r.tenantId) ?? 0,
  }));
}

/** For a province: each kabupaten/kota — claimed, mapped this year, potentials by state. */
export async function provinceReport({ ctx, input }: { ctx: Ctx; input: { tenantId: string } }) {
  const { tenant } = await authorize(ctx, input.tenantId, 'reports.read');
  if (tenant.type !== 'region' || !tenant.regionCode || tenant.regionCode.includes('.'))
    throw notFound({ key: 'tenant.not_found' });
  const [data, held] = await Promise.all([
    perTenant(ctx, tenant.regionCode),
    forumsHeldSince(ctx, yearStart(ctx)),
  ]);
  const autonomous = data.filter((d) => d.autonomous);
  return {
    provinceCode: tenant.regionCode,
    /** forum sessions the province itself convened and held this year */
    forumsHeldByProvince: held.get(tenant.id) ?? 0,
    year: Number(yearStart(ctx).slice(0, 4)),
    data,
    summary: {
      regions: autonomous.length,
      claimed: autonomous.filter((d) => d.claimed).length,
      mappedThisYear: autonomous.filter((d) => d.mappedThisYear).length,
      published: autonomous.reduce((s, d) => s + d.potentials.published, 0),
      forumsHeld: data.reduce((s, d) => s + d.forumsHeld, 0),
    },
  };
}

/** For the platform admin: the same, summed per province, for all 38. */
export async function nationalReport({ ctx }: { ctx: Ctx; input?: undefined }) {
  requirePlatformAdmin(ctx);
  const [data, provinces, held] = await Promise.all([
    perTenant(ctx, null),
    ctx.db
      .select({ code: regions.code, name: regions.name, tenantId: tenants.id })
      .from(regions)
      .leftJoin(tenants, eq(tenants.regionCode, regions.code))
      .where(and(eq(regions.kind, 'provinsi')))
      .orderBy(asc(regions.code)),
    forumsHeldSince(ctx, yearStart(ctx)),
  ]);
  const rows = provinces.map((p) => {
    const mine = data.filter((d) => d.provinceCode === p.code && d.autonomous);
    const potentialsByStatus = zero();
    for (const d of mine) for (const s of STATUSES) potentialsByStatus[s] += d.potentials[s];
    return {
      provinceCode: p.code,
      name: p.name,
      regions: mine.length,
      claimed: mine.filter((d) => d.claimed).length,
      mappedThisYear: mine.filter((d) => d.mappedThisYear).length,
      potentials: potentialsByStatus,
      forumsHeld:
        (p.tenantId ? (held.get(p.tenantId) ?? 0) : 0) +
        data.filter((d) => d.provinceCode === p.code).reduce((s, d) => s + d.forumsHeld, 0),
    };
  });
  if (rows.length === 0) throw notFound({ key: 'tenant.not_found' });
  return {
    year: Number(yearStart(ctx).slice(0, 4)),
    data: rows,
    summary: {
      regions: rows.reduce((s, r) => s + r.regions, 0),
      mappedThisYear: rows.reduce((s, r) => s + r.mappedThisYear, 0),
      published: rows.reduce((s, r) => s + r.potentials.published, 0),
      forumsHeld: rows.reduce((s, r) => s + r.forumsHeld, 0),
    },
  };
}
