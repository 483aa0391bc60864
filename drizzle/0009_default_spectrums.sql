-- Every account has an active delegation spectrum from the start: the default
-- (Management 3.0's seven levels) is now made with the account instead of on
-- the first read of the delegation page. Accounts made before, that never
-- opened delegation, get it here. Same rows as createDefaultSpectrum
-- (src/server/services/delegation/spectrums.ts) with MANAGEMENT_30
-- (src/lib/delegation/presets.ts); autonomy in sixths, as there.
WITH made AS (
  INSERT INTO "spectrums" ("owner_id", "name", "kind", "active")
  SELECT u."id", 'Management 3.0 (seven levels)', 'm30', true
  FROM "users" u
  WHERE NOT EXISTS (SELECT 1 FROM "spectrums" s WHERE s."owner_id" = u."id" AND s."active")
  RETURNING "id", "owner_id"
)
INSERT INTO "spectrum_levels" ("owner_id", "spectrum_id", "position", "label", "meaning", "autonomy")
SELECT made."owner_id", made."id", l."position", l."label", l."meaning", l."sixths"::double precision / 6
FROM made
CROSS JOIN (
  VALUES
    (0, 'Tell', 'I decide and tell them.', 0),
    (1, 'Sell', 'I decide and convince them why.', 1),
    (2, 'Consult', 'I ask for their input, then I decide.', 2),
    (3, 'Agree', 'We decide together.', 3),
    (4, 'Advise', 'I give my advice; they decide.', 4),
    (5, 'Inquire', 'They decide, then tell me.', 5),
    (6, 'Delegate', 'It is theirs: I need not know.', 6)
) AS l("position", "label", "meaning", "sixths");
