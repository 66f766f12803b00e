-- The media an asset plays from (asset.upserted.v1 `media`, optional): kept as the wire object, snake_case.
ALTER TABLE catalog_asset ADD COLUMN media jsonb;

-- The media-library importer's index: which file became which asset. It is the importer's own state (what it has
-- published), not a projection of the input topics: a rebuild of the projections leaves it alone. One row per file.
CREATE TABLE library_file (
    path        text PRIMARY KEY,
    asset_uuid  uuid        NOT NULL,
    fingerprint text        NOT NULL,
    size_bytes  bigint      NOT NULL CHECK (size_bytes > 0),
    mtime       timestamptz NOT NULL,
    added_at    timestamptz NOT NULL,
    indexed_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX library_file_asset_idx ON library_file (asset_uuid);
CREATE INDEX library_file_fingerprint_idx ON library_file (fingerprint);
