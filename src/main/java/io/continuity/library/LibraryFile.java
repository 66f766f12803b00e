package io.continuity.library;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the importer's index: the file at {@code path} was published as {@code assetUuid}.
 *
 * @param path absolute path of the file
 * @param assetUuid the asset it was published as; kept when the file moves or changes in place
 * @param fingerprint its {@link Fingerprint} when it was last read
 * @param sizeBytes its size when it was last read
 * @param mtime the later of its own and its {@code .nfo}'s modification time when it was last read,
 *        to the millisecond (what every file system and PostgreSQL keep)
 * @param addedAt when the importer first saw it (the asset's {@code added_at})
 */
public record LibraryFile(String path, UUID assetUuid, String fingerprint, long sizeBytes, Instant mtime, Instant addedAt) {
}
