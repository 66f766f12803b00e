package io.continuity.library;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.continuity.events.AssetRetired;
import io.continuity.events.CatalogEvent;
import io.continuity.library.ScanReport.Action;
import io.continuity.library.ScanReport.Change;
import io.continuity.library.ScanReport.Problem;

/**
 * How the files found by a scan differ from the index, and so what to publish. A file at an indexed path whose size or
 * time changed is {@link Action#CHANGED} (same uuid). A file at a new path whose fingerprint is that of an indexed file
 * no longer at its path is {@link Action#MOVED} (same uuid). Any other file at a new path is {@link Action#NEW}: its uuid
 * comes from its fingerprint, so the same content gets the same uuid even with a lost index, unless that uuid is taken
 * by a copy already in the library. An indexed file under a scanned folder that is gone is {@link Action#REMOVED}.
 * Files that could not be read keep their index rows: nothing about them is published.
 */
final class ScanDiff {

    /**
     * One found file after the scan looked at it: unchanged (only {@code found}), failed ({@code problem}), or read
     * (size, time, fingerprint, probe).
     */
    record Examined(LibraryScan.Found found, long size, Instant mtime, String fingerprint, MediaProbe probe, Problem problem) {

        static Examined unchanged(LibraryScan.Found found) {
            return new Examined(found, 0, null, null, null, null);
        }

        static Examined failed(LibraryScan.Found found, Problem problem) {
            return new Examined(found, 0, null, null, null, problem);
        }

        boolean read() {
            return fingerprint != null && problem == null;
        }

        String path() {
            return found.file().toString();
        }
    }

    /** One difference: the index row it leads to (or removes) and what it publishes. */
    record Entry(Action action, Path root, LibraryFile row, String previousPath, MediaProbe probe) {
    }

    /** An event to publish with the index change to record once it is published. */
    record Publication(CatalogEvent event, Optional<LibraryFile> indexed, Optional<String> removedPath) {
    }

    private final List<Entry> entries;
    private final int unchanged;

    private ScanDiff(List<Entry> entries, int unchanged) {
        this.entries = entries;
        this.unchanged = unchanged;
    }

    /** Matches {@code examined} (the files found under {@code roots}) against the index rows {@code indexed}. */
    static ScanDiff of(Collection<Examined> examined, Map<String, LibraryFile> indexed, List<Path> roots, Instant now) {
        Set<String> seen = new HashSet<>();
        examined.forEach(e -> seen.add(e.path()));
        Map<String, LibraryFile> vanished = new TreeMap<>();
        Set<UUID> liveUuids = new HashSet<>();
        for (LibraryFile row : indexed.values()) {
            if (!seen.contains(row.path()) && roots.stream().anyMatch(root -> Path.of(row.path()).startsWith(root))) {
                vanished.put(row.path(), row);
            } else {
                liveUuids.add(row.assetUuid());
            }
        }
        Map<String, Deque<LibraryFile>> vanishedByFingerprint = new HashMap<>();
        vanished.values().forEach(row -> vanishedByFingerprint.computeIfAbsent(row.fingerprint(), f -> new ArrayDeque<>()).add(row));
        List<Entry> entries = new ArrayList<>();
        int unchanged = 0;
        for (Examined e : examined.stream().sorted(Comparator.comparing(Examined::path)).toList()) {
            if (e.problem() != null) {
                continue;
            }
            if (!e.read()) {
                unchanged++;
                continue;
            }
            LibraryFile known = indexed.get(e.path());
            Deque<LibraryFile> sameContent = vanishedByFingerprint.getOrDefault(e.fingerprint(), new ArrayDeque<>());
            if (known != null) {
                entries.add(new Entry(Action.CHANGED, e.found().root(), row(e, known.assetUuid(), known.addedAt()), null, e.probe()));
            } else if (!sameContent.isEmpty()) {
                LibraryFile old = sameContent.poll();
                vanished.remove(old.path());
                entries.add(new Entry(Action.MOVED, e.found().root(), row(e, old.assetUuid(), old.addedAt()), old.path(), e.probe()));
            } else {
                UUID uuid = LibraryAssets.assetUuid(e.fingerprint());
                if (!liveUuids.add(uuid)) {
                    uuid = LibraryAssets.copyUuid(e.fingerprint(), e.path());
                    liveUuids.add(uuid);
                }
                entries.add(new Entry(Action.NEW, e.found().root(), row(e, uuid, now), null, e.probe()));
            }
        }
        vanished.values().forEach(row -> entries.add(new Entry(Action.REMOVED, null, row, null, null)));
        entries.sort(Comparator.comparing((Entry en) -> en.row().path()));
        return new ScanDiff(List.copyOf(entries), unchanged);
    }

    private static LibraryFile row(Examined e, UUID uuid, Instant addedAt) {
        return new LibraryFile(e.path(), uuid, e.fingerprint(), e.size(), e.mtime(), addedAt);
    }

    int unchanged() {
        return unchanged;
    }

    List<Change> changes() {
        return entries.stream().map(ScanDiff::change).toList();
    }

    private static Change change(Entry e) {
        if (e.probe() == null) {
            return new Change(e.action(), e.row().path(), null, e.row().assetUuid(), null, null, null);
        }
        io.continuity.events.AssetUpserted event = event(e, true);
        return new Change(e.action(), e.row().path(), e.previousPath(), e.row().assetUuid(), event.kind().wireName(), event.title(),
                event.durationMs());
    }

    /** The events to publish, in path order, each with its index change. */
    List<Publication> publications(boolean approve) {
        return entries.stream().map(e -> e.action() == Action.REMOVED
                ? new Publication(new AssetRetired(e.row().assetUuid(), null), Optional.empty(), Optional.of(e.row().path()))
                : new Publication(event(e, approve), Optional.of(e.row()), Optional.ofNullable(e.previousPath()))).toList();
    }

    private static io.continuity.events.AssetUpserted event(Entry e, boolean approve) {
        return LibraryAssets.event(e.row(), e.root(), e.probe(), approve);
    }
}
