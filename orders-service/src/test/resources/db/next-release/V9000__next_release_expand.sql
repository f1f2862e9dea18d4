-- A newer release's expand step, applied by its migrate Job while this release's pods still run
-- (StartupSchemaValidationIntegrationTests): a nullable column this build does not know.
ALTER TABLE orders ADD COLUMN next_release_note text;
