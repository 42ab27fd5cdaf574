import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate as run } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../db/connect/pglite';
import { MIGRATIONS_FOLDER } from '../../db/migrate';

/**
 * Migration 0014 on a database that holds rows in the old shape (English and
 * Indonesian stage codes mixed): a KSDLN agreement being implemented, a sinergi
 * already at "kesepakatan_bersama", a KSDD at "perjanjian_kerja_sama". Nothing is lost; each row lands on its new path.
 */
const dir = mkdtempSync(join(tmpdir(), 'sinergi-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function migrationsUpTo(tag: string): string {
  const folder = join(dir, tag);
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const path = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(path, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === tag) + 1);
  writeFileSync(path, JSON.stringify(journal));
  return folder;
}

describe('migration 0014 (kinds, stages and reports)', () => {
  it('moves KSDLN to KSDPL/KSDLL by partner kind, and a sinergi onto its own stages', async () => {
    const handle = await openPglite();
    const db = handle.client;
    try {
      await run(handle.db as never, { migrationsFolder: migrationsUpTo('0013_mapping_decisions') });
      await db.exec(`
        insert into users (id, email, name, password_hash) values ('usr_1', 'a@x.id', 'A', 'x');
        insert into tenants (id, type, name, status, partner_kind) values
          ('ten_r', 'partner', 'Kota Uji', 'active', null),
          ('ten_f', 'partner', 'Foreign City', 'active', 'foreign_region'),
          ('ten_m', 'partner', 'Kementerian', 'active', 'central_institution');
        insert into agreements (id, title, kind, affairs, issues, stage, kb_number, kb_date, pks_number, created_by) values
          ('agr_ln', 'Kota kembar', 'KSDLN', '{}', '{}', 'implementing', null, null, null, 'usr_1'),
          ('agr_si', 'Sinergi stunting', 'SINERGI', '{}', '{}', 'kesepakatan_bersama', 'NK/1', '2026-01-02', null, 'usr_1'),
          ('agr_dd', 'Air bersih', 'KSDD', '{}', '{}', 'perjanjian_kerja_sama', 'KB/1', '2026-01-02', 'PKS/1', 'usr_1');
        insert into agreement_parties (agreement_id, tenant_id) values
          ('agr_ln', 'ten_r'), ('agr_ln', 'ten_f'), ('agr_si', 'ten_r'), ('agr_si', 'ten_m');
        insert into agreement_events (id, agreement_id, from_stage, to_stage, data, request_id) values
          ('evt_1', 'agr_si', 'initiated', 'kesepakatan_bersama', '{}', 'r'),
          ('evt_2', 'agr_dd', 'kesepakatan_bersama', 'perjanjian_kerja_sama', '{}', 'r');
        insert into agreement_signatures (id, agreement_id, stage, cycle, tenant_id, signatory_name, signatory_position, signed_on, document, recorded_by, recorded_by_role) values
          ('sig_1', 'agr_si', 'kesepakatan_bersama', 0, 'ten_m', 'P', 'Menteri', '2026-01-02', '{}', 'usr_1', 'admin'),
          ('sig_2', 'agr_dd', 'perjanjian_kerja_sama', 0, 'ten_r', 'W', 'Wali Kota', '2026-01-02', '{}', 'usr_1', 'admin');
      `);
      await run(handle.db as never, {
        migrationsFolder: migrationsUpTo('0024_potential_criteria_not_met'),
      });
      const agreements = await db.query<Record<string, unknown>>(
        'select id, kind, stage, kb_number, memorandum_number, memorandum_date::text, mandatory from agreements order by id',
      );
      expect(agreements.rows).toEqual([
        {
          id: 'agr_dd',
          kind: 'KSDD',
          stage: 'perjanjian_kerja_sama',
          kb_number: 'KB/1',
          memorandum_number: null,
          memorandum_date: null,
          mandatory: false,
        },
        {
          id: 'agr_ln',
          kind: 'KSDPL',
          stage: 'pelaksanaan',
          kb_number: null,
          memorandum_number: null,
          memorandum_date: null,
          mandatory: false,
        },
        {
          id: 'agr_si',
          kind: 'SINERGI',
          stage: 'nota_kesepakatan',
          kb_number: null,
          memorandum_number: 'NK/1',
          memorandum_date: '2026-01-02',
          mandatory: false,
        },
      ]);
      const events = await db.query(
        'select id, from_stage, to_stage from agreement_events order by id',
      );
      expect(events.rows).toEqual([
        { id: 'evt_1', from_stage: 'inisiasi', to_stage: 'nota_kesepakatan' },
        { id: 'evt_2', from_stage: 'kesepakatan_bersama', to_stage: 'perjanjian_kerja_sama' },
      ]);
      const signatures = await db.query('select id, stage from agreement_signatures order by id');
      expect(signatures.rows).toEqual([
        { id: 'sig_1', stage: 'nota_kesepakatan' },
        { id: 'sig_2', stage: 'perjanjian_kerja_sama' },
      ]);
    } finally {
      await db.close();
    }
  }, 60_000);
});

/**
 * Migration 0025 on rows in the old shape, where every party had to repeat one
 * register number and one DPRD approval was kept on the agreement: each party
 * keeps the number as its own, each region party the DPRD approval; a partner
 * gets no DPRD of its own.
 */
describe('migration 0025 (each party’s register number and DPRD approval)', () => {
  it('moves the numbers onto every party and the DPRD approval onto the region parties', async () => {
    const handle = await openPglite();
    const db = handle.client;
    try {
      await run(handle.db as never, {
        migrationsFolder: migrationsUpTo('0024_potential_criteria_not_met'),
      });
      await db.exec(`
        insert into users (id, email, name, password_hash) values ('usr_1', 'a@x.id', 'A', 'x');
        insert into tenants (id, type, name, status, partner_kind) values
          ('ten_a', 'region', 'Kabupaten Badung', 'active', null),
          ('ten_b', 'region', 'Kabupaten Gianyar', 'active', null),
          ('ten_c', 'partner', 'PT Air Bersih', 'active', 'company');
        insert into agreements (id, title, kind, affairs, issues, stage, kb_number, kb_date, pks_number,
            pks_date, pks_start, pks_end, burdens_budget, burdens_public, budgeted, dprd_approval_ref,
            dprd_approval_date, created_by) values
          ('agr_1', 'Air bersih', 'KSDD', '{}', '{}', 'perjanjian_kerja_sama', 'KB/1', '2026-01-02',
            'PKS/1', '2026-02-01', '2026-03-01', '2028-02-28', true, true, true, 'DPRD/9', '2026-01-20', 'usr_1'),
          ('agr_2', 'Pengolahan air', 'KSDPK', '{}', '{}', 'kesepakatan_bersama', 'KB/2', '2026-04-02',
            null, null, null, null, null, null, null, null, null, 'usr_1');
        insert into agreement_parties (agreement_id, tenant_id) values
          ('agr_1', 'ten_a'), ('agr_1', 'ten_b'), ('agr_2', 'ten_a'), ('agr_2', 'ten_c');
      `);
      await run(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
      const parties = await db.query<Record<string, unknown>>(
        `select agreement_id, tenant_id, kb_number, pks_number, burdens_budget, burdens_public,
           budgeted, dprd_approval_ref, dprd_approval_date::text
         from agreement_parties order by agreement_id, tenant_id`,
      );
      const region = {
        kb_number: 'KB/1',
        pks_number: 'PKS/1',
        burdens_budget: true,
        burdens_public: true,
        budgeted: true,
        dprd_approval_ref: 'DPRD/9',
        dprd_approval_date: '2026-01-20',
      };
      const nothing = {
        pks_number: null,
        burdens_budget: null,
        burdens_public: null,
        budgeted: null,
        dprd_approval_ref: null,
        dprd_approval_date: null,
      };
      expect(parties.rows).toEqual([
        { agreement_id: 'agr_1', tenant_id: 'ten_a', ...region },
        { agreement_id: 'agr_1', tenant_id: 'ten_b', ...region },
        { agreement_id: 'agr_2', tenant_id: 'ten_a', kb_number: 'KB/2', ...nothing },
        { agreement_id: 'agr_2', tenant_id: 'ten_c', kb_number: 'KB/2', ...nothing },
      ]);
      const kept = await db.query<Record<string, unknown>>(
        `select id, kb_date::text, pks_date::text, pks_start::text, pks_end::text from agreements order by id`,
      );
      expect(kept.rows).toEqual([
        {
          id: 'agr_1',
          kb_date: '2026-01-02',
          pks_date: '2026-02-01',
          pks_start: '2026-03-01',
          pks_end: '2028-02-28',
        },
        { id: 'agr_2', kb_date: '2026-04-02', pks_date: null, pks_start: null, pks_end: null },
      ]);
    } finally {
      await db.close();
    }
  }, 60_000);
});
