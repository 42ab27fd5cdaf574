import { asc, eq } from 'drizzle-orm';
import { potentials } from '../../db/schema';
import { type Ctx } from '../platform/context';
import {
  type CatalogFilters,
  entries,
  publicColumns,
  region,
  resolveText,
  validateFilters,
  where,
} from './catalog';

/** Open data: the published catalogue with a stable column set (documented in the README). */
export const EXPORT_COLUMNS = [
  'id',
  'title',
  'direction',
  'region_code',
  'region_name',
  'province_code',
  'district_code',
  'cooperation_kinds',
  'mandatory',
  'affairs',
  'issues',
  'model',
  'value_idr',
  'horizon',
  'expires_on',
  'published_at',
  'activity',
  'outputs',
  'outcome',
  'outcome_indicator',
  'sk_number',
  'sk_date',
  'is_demo',
] as const;

export async function exportCatalog({ ctx, input }: { ctx: Ctx; input: CatalogFilters }) {
  await validateFilters(ctx, input);
  const { text } = await resolveText(ctx, input);
  const rows = await ctx.db
    .select(publicColumns)
    .from(potentials)
    .innerJoin(entries, eq(entries.id, potentials.id))
    .innerJoin(region, eq(region.code, potentials.regionCode))
    .where(where(ctx, input, text))
    .orderBy(asc(potentials.id))
    .limit(100_000);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    direction: r.direction,
    region_code: r.regionCode,
    region_name: r.regionName,
    province_code: r.provinceCode,
    district_code: r.districtCode,
    cooperation_kinds: r.cooperationKinds.join('|'),
    mandatory: r.mandatory,
    affairs: r.affairs.join('|'),
    issues: r.issues.join('|'),
    model: r.model,
    value_idr: r.valueIdr,
    horizon: r.horizon,
    expires_on: r.expiresOn,
    published_at: r.publishedAt?.toISOString() ?? null,
    activity: r.activity,
    outputs: r.outputs.join('|'),
    outcome: r.outcome,
    outcome_indicator: r.outcomeIndicator,
    sk_number: r.skNumber,
    sk_date: r.skDate,
    is_demo: r.isDemo,
  }));
}

/** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with a quote. */
export function toCsv(rows: Record<string, unknown>[], columns: readonly string[]): string {
  const cell = (v: unknown) => {
    let s = v === null || v === undefined ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return (
    [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') +
    '\r\n'
  );
}
