CREATE TABLE "match_candidates" (
	"issue_mask" integer NOT NULL,
	"affair_mask" integer NOT NULL,
	"side" smallint NOT NULL,
	"expires_on" date NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"tenant_id" text NOT NULL,
	"partner_kind" text NOT NULL,
	"region_code" text NOT NULL,
	"province_code" text NOT NULL,
	"island_group" text NOT NULL,
	"regions_of_interest" text[] NOT NULL,
	"interest_provinces" text[] NOT NULL,
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"issues" text[] NOT NULL,
	"affairs" text[] NOT NULL,
	"offers" text,
	"value_idr" bigint,
	"engagement_min_idr" bigint,
	"engagement_max_idr" bigint
);
--> statement-breakpoint
CREATE INDEX "match_candidates_tenant_id_index" ON "match_candidates" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "match_candidates_issues_gin" ON "match_candidates" USING gin ("issues");--> statement-breakpoint
CREATE INDEX "match_candidates_affairs_gin" ON "match_candidates" USING gin ("affairs");--> statement-breakpoint
-- The vocabularies' codes in order: a code's bit is its position. The test
-- "match candidate masks follow the vocabularies" keeps these equal to
-- src/reference/vocabularies.ts; a new code needs a migration replacing them
-- and refreshing match_candidates.
CREATE FUNCTION sinergi_issues() RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY['pelayanan_publik', 'kawasan_perbatasan', 'tata_ruang', 'penanggulangan_bencana', 'penanganan_konflik', 'kemiskinan_ekstrem', 'inflasi', 'disparitas_pembangunan', 'pariwisata']::text[]
$$;
--> statement-breakpoint
CREATE FUNCTION sinergi_affairs() RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY['pendidikan', 'kesehatan', 'pekerjaan_umum_penataan_ruang', 'perumahan_kawasan_permukiman', 'trantibum_linmas', 'sosial', 'tenaga_kerja', 'pemberdayaan_perempuan_perlindungan_anak', 'pangan', 'pertanahan', 'lingkungan_hidup', 'administrasi_kependudukan', 'pemberdayaan_masyarakat_desa', 'pengendalian_penduduk_kb', 'perhubungan', 'komunikasi_informatika', 'koperasi_ukm', 'penanaman_modal', 'kepemudaan_olahraga', 'statistik', 'persandian', 'kebudayaan', 'perpustakaan', 'kearsipan', 'kelautan_perikanan', 'pariwisata', 'pertanian', 'kehutanan', 'energi_sumber_daya_mineral', 'perdagangan', 'perindustrian', 'transmigrasi']::text[]
$$;
--> statement-breakpoint
-- The codes' bit set over a vocabulary of at most 32 codes, as a 32-bit integer (bit 31 is the sign bit).
CREATE FUNCTION sinergi_code_mask(codes text[], vocabulary text[]) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(bit_or(1::bigint << (p - 1)), 0)::bit(32)::integer
  FROM (SELECT array_position(vocabulary, c) AS p FROM unnest(codes) AS c) s
  WHERE p BETWEEN 1 AND 32
$$;
--> statement-breakpoint
CREATE FUNCTION sinergi_refresh_potential_candidate(potential_id text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM match_candidates WHERE id = potential_id;
  INSERT INTO match_candidates (issue_mask, affair_mask, side, expires_on, updated_at, tenant_id, partner_kind, region_code, province_code, island_group,
    regions_of_interest, interest_provinces, id, name, issues, affairs, offers, value_idr, engagement_min_idr, engagement_max_idr)
  SELECT sinergi_code_mask(p.issues, sinergi_issues()), sinergi_code_mask(p.affairs, sinergi_affairs()), CASE p.direction WHEN 'offer' THEN 1 ELSE 0 END,
    p.expires_on, p.updated_at, p.tenant_id, '', p.region_code, p.province_code, r.island_group::text,
    '{}', '{}', p.id, p.title, p.issues, p.affairs, NULL, p.value_idr, NULL, NULL
  FROM potentials p JOIN regions r ON r.code = p.region_code
  WHERE p.id = potential_id AND p.status = 'published' AND r.autonomous AND 'KSDD' = ANY (p.cooperation_kinds);
END
$$;
--> statement-breakpoint
CREATE FUNCTION sinergi_refresh_partner_candidate(partner_id text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM match_candidates WHERE id = partner_id;
  INSERT INTO match_candidates (issue_mask, affair_mask, side, expires_on, updated_at, tenant_id, partner_kind, region_code, province_code, island_group,
    regions_of_interest, interest_provinces, id, name, issues, affairs, offers, value_idr, engagement_min_idr, engagement_max_idr)
  SELECT sinergi_code_mask(pr.issues, sinergi_issues()), sinergi_code_mask(pr.affairs, sinergi_affairs()), 2,
    'infinity', pr.updated_at, t.id, coalesce(t.partner_kind, 'company'), '', '', '',
    pr.regions_of_interest, ARRAY(SELECT DISTINCT split_part(r, '.', 1) FROM unnest(pr.regions_of_interest) AS r),
    t.id, t.name, pr.issues, pr.affairs, pr.offers, NULL, pr.engagement_min_idr, pr.engagement_max_idr
  FROM tenants t JOIN tenant_profiles pr ON pr.tenant_id = t.id
  WHERE t.id = partner_id AND t.type = 'partner' AND t.status = 'active';
END
$$;
--> statement-breakpoint
CREATE FUNCTION sinergi_potentials_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM match_candidates WHERE id = OLD.id;
  ELSE
    PERFORM sinergi_refresh_potential_candidate(NEW.id);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION sinergi_partners_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'tenants' THEN
    IF NEW.type = 'partner' THEN PERFORM sinergi_refresh_partner_candidate(NEW.id); END IF;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM sinergi_refresh_partner_candidate(OLD.tenant_id);
  ELSE
    PERFORM sinergi_refresh_partner_candidate(NEW.tenant_id);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER potentials_match_candidates AFTER INSERT OR UPDATE OR DELETE ON potentials FOR EACH ROW EXECUTE FUNCTION sinergi_potentials_changed();
--> statement-breakpoint
CREATE TRIGGER tenant_profiles_match_candidates AFTER INSERT OR UPDATE OR DELETE ON tenant_profiles FOR EACH ROW EXECUTE FUNCTION sinergi_partners_changed();
--> statement-breakpoint
CREATE TRIGGER tenants_match_candidates AFTER UPDATE ON tenants FOR EACH ROW EXECUTE FUNCTION sinergi_partners_changed();
--> statement-breakpoint
SELECT sinergi_refresh_potential_candidate(id) FROM potentials WHERE status = 'published';
--> statement-breakpoint
SELECT sinergi_refresh_partner_candidate(id) FROM tenants WHERE type = 'partner';
