import { and, asc, count, eq, gt, ilike, inArray, type SQL } from 'drizzle-orm';
import { regions, tenants } from '../../db/schema';
import { type Zone, zoneOfLabel } from '../forums/time';
import type { Ctx } from '../platform/context';
import { badRequest, notFound } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { decodeCursor, pageOf } from '../platform/pagination';
import { type IslandGroup, searchForm, type TimeZone } from './geography';

export type RegionKind = 'provinsi' | 'kabupaten' | 'kota';

export type Region = {
  code: string;
  name: string;
  officialName: string;
  kind: RegionKind;
  provinceCode: string | null;
  autonomous: boolean;
  timeZone: TimeZone;
  /** the IANA name of the same zone, for programs: Asia/Jakarta, Asia/Makassar, Asia/Jayapura */
  ianaTimeZone: Zone;
  islandGroup: IslandGroup;
  tenant: { id: string; status: string } | null;
};

const regionColumns = {
  code: regions.code,
  name: regions.name,
  officialName: regions.officialName,
  kind: regions.kind,
  provinceCode: regions.provinceCode,
  autonomous: regions.autonomous,
  timeZone: regions.timeZone,
  islandGroup: regions.islandGroup,
  tenantId: tenants.id,
  tenantStatus: tenants.status,
};

type RegionRow = {
  [K in keyof typeof regionColumns]: (typeof regionColumns)[K]['_']['data'] | null;
};

function toRegion(row: RegionRow): Region {
  const { tenantId, tenantStatus, ...rest } = row;
  return {
    ...(rest as Omit<Region, 'tenant' | 'ianaTimeZone'>),
    ianaTimeZone: zoneOfLabel(rest.timeZone as TimeZone),
    tenant: tenantId && tenantStatus ? { id: tenantId, status: tenantStatus } : null,
  };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

export type ListRegionsInput = {
  province?: string;
  kind?: RegionKind;
  autonomous?: boolean;
  q?: string;
  limit: number;
  cursor?: string;
};

export async function listRegions({ ctx, input }: { ctx: Ctx; input: ListRegionsInput }) {
  const { limit, cursor, ...filters } = input;
  const after = decodeCursor(cursor, filters);
  const needle = filters.q === undefined ? undefined : searchForm(filters.q);
  if (needle === '') {
    throw badRequest({ key: 'request.invalid' }, [
      {
        location: 'query.q',
        message: fieldMessage('reference.must_contain_letters_digits'),
      },
    ]);
  }

  if (filters.province) {
    const [province] = await ctx.db
      .select({ code: regions.code })
      .from(regions)
      .where(and(eq(regions.code, filters.province), eq(regions.kind, 'provinsi')));
    if (!province) {
      throw badRequest({ key: 'region.unknown_province', params: { code: filters.province } }, [
        {
          location: 'query.province',
          message: fieldMessage('reference.unknown_province_code'),
        },
      ]);
    }
  }

  const conditions: (SQL | undefined)[] = [
    filters.province ? eq(regions.provinceCode, filters.province) : undefined,
    filters.kind ? eq(regions.kind, filters.kind) : undefined,
    filters.autonomous !== undefined ? eq(regions.autonomous, filters.autonomous) : undefined,
    needle ? ilike(regions.searchName, `%${escapeLike(needle)}%`) : undefined,
  ];
  const where = and(...conditions);

  const [rows, [totals]] = await Promise.all([
    ctx.db
      .select(regionColumns)
      .from(regions)
      .leftJoin(tenants, eq(tenants.regionCode, regions.code))
      .where(and(where, after ? gt(regions.code, after[0]!) : undefined))
      .orderBy(asc(regions.code))
      .limit(limit + 1),
    ctx.db.select({ n: count() }).from(regions).where(where),
  ]);

  const { page, nextCursor } = pageOf(rows.map(toRegion), limit, (r) => r.code, filters);
  return { data: page, nextCursor, total: totals?.n ?? 0 };
}

export async function getRegion({ ctx, input }: { ctx: Ctx; input: { code: string } }) {
  const parent = regions;
  const [row] = await ctx.db
    .select(regionColumns)
    .from(regions)
    .leftJoin(tenants, eq(tenants.regionCode, regions.code))
    .where(eq(regions.code, input.code));
  if (!row) throw notFound({ key: 'region.not_found', params: { code: input.code } });
  const region = toRegion(row);

  if (region.kind === 'provinsi') {
    const children = await ctx.db
      .select({ kind: regions.kind, autonomous: regions.autonomous, n: count() })
      .from(regions)
      .where(eq(regions.provinceCode, region.code))
      .groupBy(regions.kind, regions.autonomous);
    const sum = (pred: (r: (typeof children)[number]) => boolean) =>
      children.filter(pred).reduce((a, r) => a + r.n, 0);
    return {
      ...region,
      parent: null,
      children: {
        total: sum(() => true),
        kabupaten: sum((r) => r.kind === 'kabupaten'),
        kota: sum((r) => r.kind === 'kota'),
        administrative: sum((r) => !r.autonomous),
      },
    };
  }
  const [p] = await ctx.db
    .select({ code: parent.code, name: parent.name })
    .from(parent)
    .where(eq(parent.code, region.provinceCode!));
  return { ...region, parent: p ?? null, children: null };
}

export async function lookupRegions({ ctx, input }: { ctx: Ctx; input: { codes: string[] } }) {
  const unique = [...new Set(input.codes)];
  const rows = await ctx.db
    .select(regionColumns)
    .from(regions)
    .leftJoin(tenants, eq(tenants.regionCode, regions.code))
    .where(inArray(regions.code, unique))
    .orderBy(asc(regions.code));
  const found = new Set(rows.map((r) => r.code));
  return { data: rows.map(toRegion), unknown: unique.filter((c) => !found.has(c)) };
}
