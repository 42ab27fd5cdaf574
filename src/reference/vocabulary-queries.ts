import { asc, count, eq } from 'drizzle-orm';
import { vocabularyTerms } from '../../db/schema';
import type { Ctx } from '../platform/context';
import { notFound } from '../platform/errors';
import { VOCABULARIES, vocabularyByName } from './vocabularies';

const label = (ctx: Ctx, x: { id: string; en: string }) => (ctx.lang === 'en' ? x.en : x.id);

export async function listVocabularies({ ctx }: { ctx: Ctx; input?: undefined }) {
  const counts = await ctx.db
    .select({ vocabulary: vocabularyTerms.vocabulary, n: count() })
    .from(vocabularyTerms)
    .groupBy(vocabularyTerms.vocabulary);
  const byName = new Map(counts.map((r) => [r.vocabulary, r.n]));
  return {
    data: VOCABULARIES.map((v) => ({
      name: v.name,
      label: label(ctx, v),
      labels: { id: v.id, en: v.en },
      description: ctx.lang === 'en' ? v.descriptionEn : v.descriptionId,
      termCount: byName.get(v.name) ?? 0,
      href: `/v1/vocabularies/${v.name}`,
    })),
  };
}

export async function getVocabulary({ ctx, input }: { ctx: Ctx; input: { name: string } }) {
  const vocabulary = vocabularyByName(input.name);
  if (!vocabulary) throw notFound({ key: 'vocabulary.not_found', params: { name: input.name } });
  const rows = await ctx.db
    .select()
    .from(vocabularyTerms)
    .where(eq(vocabularyTerms.vocabulary, vocabulary.name))
    .orderBy(asc(vocabularyTerms.sortOrder));
  return {
    name: vocabulary.name,
    label: label(ctx, vocabulary),
    labels: { id: vocabulary.id, en: vocabulary.en },
    description: ctx.lang === 'en' ? vocabulary.descriptionEn : vocabulary.descriptionId,
    groups: (vocabulary.groups ?? []).map((g) => ({
      code: g.code,
      label: label(ctx, g),
      labels: { id: g.id, en: g.en },
    })),
    terms: rows.map((r) => ({
      code: r.code,
      label: ctx.lang === 'en' ? r.labelEn : r.labelId,
      labels: { id: r.labelId, en: r.labelEn },
      group: r.groupCode,
      description: (ctx.lang === 'en' ? r.descriptionEn : r.descriptionId) ?? null,
    })),
  };
}
