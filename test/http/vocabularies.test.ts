import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type ProblemBody } from '../support/harness';

type Vocabulary = {
  name: string;
  label: string;
  groups: { code: string }[];
  terms: {
    code: string;
    label: string;
    labels: { id: string; en: string };
    group: string | null;
  }[];
};

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe('vocabularies', () => {
  it('lists every vocabulary with its term count', async () => {
    const { status, body } = await h.json<{ data: { name: string; termCount: number }[] }>(
      '/v1/vocabularies',
    );
    expect(status).toBe(200);
    expect(Object.fromEntries(body.data.map((v) => [v.name, v.termCount]))).toEqual({
      affairs: 32,
      'strategic-issues': 9,
      'cooperation-kinds': 5,
      'cooperation-models': 5,
      sectors: 18,
      'partner-kinds': 7,
    });
  });

  it('serves the 32 government affairs in their three groups (6 + 18 + 8)', async () => {
    const { body } = await h.json<Vocabulary>('/v1/vocabularies/affairs');
    const byGroup = (g: string) => body.terms.filter((t) => t.group === g).length;
    expect([
      byGroup('wajib_pelayanan_dasar'),
      byGroup('wajib_non_pelayanan_dasar'),
      byGroup('pilihan'),
    ]).toEqual([6, 18, 8]);
    expect(body.label).toBe('Urusan pemerintahan');
  });

  it('keeps official codes as they are and labels in both languages', async () => {
    const kinds = await h.json<Vocabulary>('/v1/vocabularies/cooperation-kinds');
    expect(kinds.body.terms.map((t) => t.code)).toEqual([
      'KSDD',
      'KSDPK',
      'KSDPL',
      'KSDLL',
      'SINERGI',
    ]);
    const issues = await h.json<Vocabulary>('/v1/vocabularies/strategic-issues', {
      headers: { 'accept-language': 'en' },
    });
    const disaster = issues.body.terms.find((t) => t.code === 'penanggulangan_bencana')!;
    expect(disaster.label).toBe('Disaster management');
    expect(disaster.labels).toEqual({ id: 'Penanggulangan bencana', en: 'Disaster management' });
  });

  it('answers an unknown vocabulary with 404', async () => {
    const { status, body } = await h.json<ProblemBody>('/v1/vocabularies/colours');
    expect(status).toBe(404);
    expect(body.detail).toContain('colours');
  });
});
