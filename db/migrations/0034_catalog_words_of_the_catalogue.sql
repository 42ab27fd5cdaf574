-- The typo fallback's word list (catalog_words) holds the words of what the catalogue holds: a
-- correction toward a word found only in drafts finds nothing. The words are added as a potential
-- enters or changes in the catalogue, by the trigger that keeps its entry, instead of by a
-- statement of its own after every write of a potential, drafts included.
CREATE OR REPLACE FUNCTION sinergi_refresh_catalog_entry(potential_id text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM catalog_entries WHERE id = potential_id;
  INSERT INTO catalog_entries (id, region_code, province_code, direction, cooperation_kinds, affairs, issues, model, value_idr, expires_on, published_at, head_vector, search_vector, facet_pack)
  SELECT p.id, p.region_code, p.province_code, p.direction, p.cooperation_kinds, p.affairs, p.issues, p.model, p.value_idr, p.expires_on,
    coalesce(p.published_at, p.created_at),
    ts_filter(p.search_vector, '{a,b}'),
    p.search_vector,
    sinergi_catalog_facet_pack(p.direction::text, p.model, p.province_code, p.affairs, p.issues, p.cooperation_kinds)
  FROM potentials p
  WHERE p.id = potential_id AND p.status = 'published';
  IF FOUND THEN
    INSERT INTO catalog_words (word)
    SELECT DISTINCT w
    FROM potentials p, regexp_split_to_table(p.search_text || ' ' || p.search_text_en, ' ') w
    WHERE p.id = potential_id AND length(w) BETWEEN 4 AND 60
    ON CONFLICT DO NOTHING;
  END IF;
END
$$;
