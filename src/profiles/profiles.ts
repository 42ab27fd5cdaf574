import { eq, inArray } from 'drizzle-orm';
import { type Contact, regions, tenantProfiles, tenants } from '../../db/schema';
import { activeAgreementCount } from '../agreements/implementation';
import { authorize } from '../identity/access';
import { diffOf, recordAudit } from '../platform/audit';
import type { Ctx } from '../platform/context';
import { badRequest, notFound, type RaisedFieldError } from '../platform/errors';
import { fieldMessage } from '../platform/field-messages';
import { termCodes } from '../reference/vocabularies';

export type ProfileInput = {
  summary?: string | null;
  sectors?: string[];
  issues?: string[];
  affairs?: string[];
  regionsOfInterest?: string[];
  neighbours?: string[];
  offers?: string | null;
  engagementMinIdr?: number | null;
  engagementMaxIdr?: number | null;
  contacts?: Contact[];
};

const EMPTY = {
  summary: null,
  sectors: [],
  issues: [],
  affairs: [],
  regionsOfInterest: [],
  neighbours: [] as string[],
  offers: null,
  engagementMinIdr: null,
  engagementMaxIdr: null,
  contacts: [] as Contact[],
};

export async function getProfile({ ctx, input }: { ctx: Ctx; input: { tenantId: string } }) {
  const { tenant } = await authorize(ctx, input.tenantId, 'tenant.read');
  const [row] = await ctx.db
    .select()
    .from(tenantProfiles)
    .where(eq(tenantProfiles.tenantId, tenant.id));
  return { tenantId: tenant.id, type: tenant.type, name: tenant.name, ...EMPTY, ...(row ?? {}) };
}

/** Public view of a region's profile: summary, flagship sectors and contacts by role. */
export async function getRegionProfile({ ctx, input }: { ctx: Ctx; input: { code: string } }) {
  const [tenant] = await ctx.db.select().from(tenants).where(eq(tenants.regionCode, input.code));
  if (!tenant) throw notFound({ key: 'region.not_found', params: { code: input.code } });
  const [row] = await ctx.db
    .select()
    .from(tenantProfiles)
    .where(eq(tenantProfiles.tenantId, tenant.id));
  return {
    tenantId: tenant.id,
    type: tenant.type,
    name: tenant.name,
    ...EMPTY,
    ...(row ?? {}),
    activeAgreements: await activeAgreementCount(ctx, tenant.id),
  };
}

export async function updateProfile({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ProfileInput & { tenantId: string };
}) {
  const { tenant } = await authorize(ctx, input.tenantId, 'profile.manage');
  const { tenantId: _t, ...changes } = input;
  const errors: RaisedFieldError[] = [];
  const check = (field: keyof ProfileInput, vocabulary: string, values?: string[]) =>
    values?.forEach((v, i) => {
      if (!termCodes(vocabulary).has(v))
        errors.push({
          location: `body.${field}.${i}`,
          message: fieldMessage('potentials.unknown_code', { v }),
        });
    });
  check('sectors', 'sectors', changes.sectors);
  check('issues', 'strategic-issues', changes.issues);
  check('affairs', 'affairs', changes.affairs);
  for (const field of ['regionsOfInterest', 'neighbours'] as const) {
    const values = changes[field];
    if (!values?.length) continue;
    const found = new Set(
      (
        await ctx.db
          .select({ code: regions.code })
          .from(regions)
          .where(inArray(regions.code, values))
      ).map((r) => r.code),
    );
    values.forEach((c, i) => {
      if (!found.has(c))
        errors.push({
          location: `body.${field}.${i}`,
          message: fieldMessage('profiles.unknown_region', { c }),
        });
    });
  }
  if (
    changes.engagementMinIdr != null &&
    changes.engagementMaxIdr != null &&
    changes.engagementMinIdr > changes.engagementMaxIdr
  ) {
    errors.push({
      location: 'body.engagementMaxIdr',
      message: fieldMessage('profiles.must_not_below_engagementminidr'),
    });
  }
  if (errors.length) throw badRequest({ key: 'potential.invalid_codes' }, errors);

  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(tenantProfiles)
      .where(eq(tenantProfiles.tenantId, tenant.id));
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const [after] = await tx
      .insert(tenantProfiles)
      .values({ tenantId: tenant.id, ...defined, updatedAt: ctx.now() })
      .onConflictDoUpdate({
        target: tenantProfiles.tenantId,
        set: { ...defined, updatedAt: ctx.now() },
      })
      .returning();
    await recordAudit(tx, ctx, {
      tenantId: tenant.id,
      action: 'profile.updated',
      targetType: 'tenant',
      targetId: tenant.id,
      diff: diffOf(before ?? null, after!, Object.keys(defined) as never),
    });
    const { tenantId: _id, ...saved } = after!;
    return { tenantId: tenant.id, type: tenant.type, name: tenant.name, ...EMPTY, ...saved };
  });
}
