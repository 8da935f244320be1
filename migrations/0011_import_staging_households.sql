-- A household's own columns (address, house, assets, livestock) are staged once per run of its
-- rows instead of on every person's row: they were about 60 % of each staged row's bytes, and the
-- import copied, parsed and scanned them for every member (bench/import.ts). Only the household
-- columns checked across its rows (kk, desa_code, desil) stay on every person's row.
ALTER TABLE import_staging
  DROP COLUMN address, DROP COLUMN rt, DROP COLUMN rw, DROP COLUMN dusun,
  DROP COLUMN floor_type, DROP COLUMN wall_type, DROP COLUMN roof_type, DROP COLUMN drinking_water,
  DROP COLUMN sanitation, DROP COLUMN lighting, DROP COLUMN cooking_fuel, DROP COLUMN house_ownership,
  DROP COLUMN assets, DROP COLUMN livestock;

-- The first accepted row of each run of a household's rows in the file, with all of the household's
-- columns; the household takes them from its earliest line (the row its other rows were checked
-- against). Unlogged, like import_staging.
CREATE UNLOGGED TABLE import_staging_households (
  import_id bigint NOT NULL,
  line_no integer NOT NULL,
  family_id text NOT NULL,
  kk text NOT NULL,
  desa_code text NOT NULL,
  desil smallint NOT NULL,
  address text,
  rt text,
  rw text,
  dusun text,
  floor_type text,
  wall_type text,
  roof_type text,
  drinking_water text,
  sanitation text,
  lighting text,
  cooking_fuel text,
  house_ownership text,
  assets text[],
  livestock jsonb
);
