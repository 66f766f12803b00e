package io.continuity.library;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What one library scan found and published (or, for a dry run, would publish).
 *
 * @param dryRun true when nothing was published and the index was not changed
 * @param folders the library folders scanned
 * @param startedAt when the scan began
 * @param elapsedMs how long it took
 * @param filesSeen media files found in the folders
 * @param unchanged of those, files whose size and modification time match the index (not read again)
 * @param filesPerSecond {@code filesSeen} per second of {@code elapsedMs}
 * @param changes what was (or would be) published, by path
 * @param problems files and folders that could not be imported, by path; never published
 */
public record ScanReport(boolean dryRun, List<String> folders, Instant startedAt, long elapsedMs, int filesSeen, int unchanged,
        double filesPerSecond, List<Change> changes, List<Problem> problems) {

    /** Why an asset is published: a file new to the library, changed in place, moved or renamed, or removed. */
    public enum Action {
        /** {@code asset.upserted.v1} with a new asset uuid. */
        NEW,
        /** {@code asset.upserted.v1}, same uuid: the file's content, size, time or {@code .nfo} changed in place. */
        CHANGED,
        /** {@code asset.upserted.v1}, same uuid: the same content is now at another path inside the library. */
        MOVED,
        /** {@code asset.retired.v1}: the file is gone from the library. */
        REMOVED
    }

    /**
     * One published asset.
     *
     * @param previousPath for {@link Action#MOVED}, where the file was before
     */
    public record Change(Action action, String path, String previousPath, UUID assetUuid, String kind, String title, Long durationMs) {
    }

    /** Why a file or folder was not imported. */
    public enum ProblemKind {
        /** The file is empty. */
        ZERO_LENGTH,
        /** The file cannot be read, or ffprobe finds no duration or stream in it. */
        UNREADABLE,
        /** A configured library folder does not exist; its indexed files are not retired. */
        MISSING_FOLDER
    }

    /** One file or folder that was not imported, with a reason a person can act on. */
    public record Problem(ProblemKind kind, String path, String detail) {
    }

    /** Counts per action, for the log line. */
    public long count(Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }
}
