package io.continuity.inputs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.continuity.testing.ContinuityTestResources;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog is written a batch at a time in one statement (each column as an array): every column must come back as
 * it was written, whatever the text holds, and a second upsert of the same asset replaces it but keeps its creation time.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class CatalogAssetTableTest {

    private static final Instant CREATED = Instant.parse("2026-03-02T12:00:00.123456Z");

    @Inject
    CatalogAssetTable table;

    @Test
    void rowsWrittenInOneStatementReadBackColumnForColumnAndAReplacementKeepsTheCreationTime() {
        CatalogAssetRow full = new CatalogAssetRow(UUID.randomUUID(), "Quote \" comma , brace {} backslash \\ tab \t", "episode", 1_320_000,
                "series \"x\"", "Series, the", 2, 7, 31, "Épisode ✓", "line one\nline two", "drama", "TV-14",
                List.of("a,b", "quote\"d", "back\\slash", "{braces}", "NULL", " spaced "), Instant.parse("2025-01-01T00:00:00Z"), "ready", true,
                false, false, "{\"uri\": \"file:///media/a b.mp4\", \"probe\": {\"video\": \"h264\"}}", 1, CREATED, CREATED);
        CatalogAssetRow bare = new CatalogAssetRow(UUID.randomUUID(), "Bare", "filler", 20_000, null, null, null, null, null, null, null, null,
                null, List.of(), null, "pending", false, true, true, null, 3, CREATED, CREATED);
        CatalogAssetRow replaced = new CatalogAssetRow(full.uuid(), "Renamed", "movie", 5_400_000, null, null, null, null, null, null, null,
                null, null, List.of("one"), null, "failed", false, true, false, null, 2, Instant.parse("2030-01-01T00:00:00Z"),
                Instant.parse("2026-03-03T00:00:00Z"));

        QuarkusTransaction.begin();
        try {
            table.upsert(List.of(full, bare));
            Map<UUID, CatalogAssetRow> first = byUuid(table.load(List.of(full.uuid(), bare.uuid(), UUID.randomUUID())));
            table.upsert(List.of(replaced));
            CatalogAssetRow second = table.load(List.of(full.uuid())).getFirst();

            assertThat(first).containsOnlyKeys(full.uuid(), bare.uuid());
            assertThat(first.get(full.uuid())).isEqualTo(full);
            assertThat(first.get(bare.uuid())).isEqualTo(bare);
            assertThat(second.createdAt()).isEqualTo(CREATED);
            assertThat(second).isEqualTo(new CatalogAssetRow(replaced.uuid(), replaced.title(), replaced.kind(), replaced.durationMs(), null,
                    null, null, null, null, null, null, null, null, List.of("one"), null, "failed", false, true, false, null, 2, CREATED,
                    replaced.updatedAt()));
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private static Map<UUID, CatalogAssetRow> byUuid(List<CatalogAssetRow> rows) {
        return rows.stream().collect(Collectors.toMap(CatalogAssetRow::uuid, Function.identity()));
    }
}
