import { describe, expectTypeOf, it } from 'vitest';
import type { Schemas, WebhookEvent } from '../../clients/typescript';

/**
 * Type-level: the generated client lets an integrator leave out every request
 * property that has a default. `npm run typecheck` fails when one comes out required.
 */
describe('the generated client’s request types', () => {
  it('make properties with a default optional', () => {
    expectTypeOf<Schemas['CreateAgreementRequest']['mandatory']>().toEqualTypeOf<
      boolean | undefined
    >();
    expectTypeOf<Schemas['CreateAgreementRequest']['affairs']>().toEqualTypeOf<
      string[] | undefined
    >();
    expectTypeOf<Schemas['CreateAgreementRequest']['issues']>().toEqualTypeOf<
      string[] | undefined
    >();
    expectTypeOf<Schemas['CreateApiKeyRequest']['expiresInDays']>().toEqualTypeOf<
      number | undefined
    >();
    type Day = NonNullable<Schemas['DayPlan']>['days'][number];
    expectTypeOf<undefined>().toMatchTypeOf<Day['breaks']>();
  });

  it('accept a minimal body with only the required properties', () => {
    const agreement: Schemas['CreateAgreementRequest'] = {
      title: 'Pengelolaan sampah regional',
      parties: ['ten_01jd2x6v0m8kq3b7e5y4w9c1ta', 'ten_01jd2x6v0m8kq3b7e5y4w9c1tb'],
      kind: 'KSDD',
    };
    const key: Schemas['CreateApiKeyRequest'] = { name: 'Integrasi SIPD', scopes: ['read'] };
    expectTypeOf(agreement).toMatchTypeOf<Schemas['CreateAgreementRequest']>();
    expectTypeOf(key).toMatchTypeOf<Schemas['CreateApiKeyRequest']>();
  });
});

describe('the generated client’s webhook types', () => {
  it('give each event type its envelope and data', () => {
    expectTypeOf<WebhookEvent<'interest.received'>['type']>().toEqualTypeOf<'interest.received'>();
    expectTypeOf<
      WebhookEvent<'interest.received'>['data']['potentialTitle']
    >().toEqualTypeOf<string>();
    expectTypeOf<WebhookEvent<'agreement.pks_ending'>['data']['days']>().toEqualTypeOf<number>();
    expectTypeOf<WebhookEvent['type']>().toMatchTypeOf<string>();
  });
});
