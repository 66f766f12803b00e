package io.continuity.library;

import java.util.Collection;
import java.util.Map;

/** Where the importer keeps its {@link LibraryFile} rows between scans (PostgreSQL in the service: {@link JdbcLibraryIndex}). */
public interface LibraryIndex {

    /** Every indexed file by path. */
    Map<String, LibraryFile> load();

    /** Stores what one published batch did, atomically: {@code removedPaths} go, {@code upserted} are written. */
    void record(Collection<LibraryFile> upserted, Collection<String> removedPaths);
}
