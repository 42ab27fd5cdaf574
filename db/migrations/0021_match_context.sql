-- What a match request reads before its matching statement — the target potential and the
-- tenant's past cooperation — as a PL/pgSQL function, so that each database session plans these
-- five joins once instead of on every request (planning took ~0.7 ms, several times the execution).
-- src/candidates/matches.ts reads the three JSON columns (`targetFrom`, `historyFrom`).
--
-- target: a tenant's published, unexpired potential (null when there is none, or when
--   p_potential is null): [id, title, tenant, region, province, island group, direction,
--   affairs, issues, cooperation kinds, mandatory, value, the tenant's declared neighbours].
-- interests: [owner, from, status, count] for interests either way that were answered.
-- agreements: [other tenant, count] of agreements both are party to, only those every party
--   confirmed (one side cannot raise its own history).
-- The history columns are null when p_history is false (a caller that only needs the target).
CREATE FUNCTION sinergi_match_context(p_potential text, p_tenant text, p_today date, p_history boolean)
RETURNS TABLE (target_json text, interests_json text, agreements_json text)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY SELECT
    (SELECT json_build_array(p.id, p.title, p.tenant_id, p.region_code, p.province_code, r.island_group, p.direction,
        p.affairs, p.issues, p.cooperation_kinds, p.mandatory, p.value_idr, coalesce(tp.neighbours, '{}'))
      FROM potentials p JOIN regions r ON r.code = p.region_code
      LEFT JOIN tenant_profiles tp ON tp.tenant_id = p.tenant_id
      WHERE p.id = p_potential AND p.tenant_id = p_tenant
        AND p.status = 'published' AND p.expires_on >= p_today)::text,
    CASE WHEN p_history THEN (SELECT json_agg(json_build_array(x.owner, x.from_tenant, x.status, x.n)) FROM (
      SELECT i.owner_tenant_id AS owner, i.from_tenant_id AS from_tenant, i.status::text AS status, count(*)::int AS n
      FROM interests i
      WHERE (i.owner_tenant_id = p_tenant OR i.from_tenant_id = p_tenant) AND i.status <> 'pending'
      GROUP BY 1, 2, 3) x)::text END,
    CASE WHEN p_history THEN (SELECT json_agg(json_build_array(y.other, y.n)) FROM (
      SELECT o.tenant_id AS other, count(*)::int AS n
      FROM agreement_parties ap
      JOIN agreement_parties o ON o.agreement_id = ap.agreement_id AND o.tenant_id <> p_tenant
      JOIN agreements a ON a.id = ap.agreement_id AND a.confirmed_at IS NOT NULL
      WHERE ap.tenant_id = p_tenant
      GROUP BY o.tenant_id) y)::text END;
END
$$;
