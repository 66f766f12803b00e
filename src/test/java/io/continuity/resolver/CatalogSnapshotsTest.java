package io.continuity.resolver;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.continuity.inputs.CatalogAssetEntity;
import io.continuity.inputs.CatalogAssetTable;
import io.continuity.resolver.core.CatalogAsset;
import io.continuity.testing.ContinuityTestResources;
import io.continuity.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resolver's catalog snapshot reads the rows itself (no entities in the resolution's persistence context): assets sent
 * through the API and ingested set-based are seen with series fields present and absent, tags and eligibility flags, and the
 * rows stay readable by the entity the REST resources use.
 */
@QuarkusTest
@WithTestResource(ContinuityTestResources.class)
class CatalogSnapshotsTest {

    @Inject
    CatalogSnapshots snapshots;

    @Inject
    CatalogAssetTable table;

    @Test
    void theSnapshotHoldsEveryAssetAsItsRowSaysAndTheEntitySeesTheSameRow() {
        String genre = "snap" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> pilot = new HashMap<>(Map.of("title", "Pilot", "kind", "episode", "duration_ms", 1_320_000, "genre", genre,
                "state", "ready", "approved_for_broadcast", true, "series_id", "s-" + genre, "series_title", "Series " + genre));
        pilot.putAll(Map.of("season", 1, "episode", 2, "tags", List.of("kids", "new"), "rating", "TV-Y"));
        UUID episode = put(pilot);
        UUID unapproved = put(Map.of("title", "Film", "kind", "movie", "duration_ms", 5_400_000, "genre", genre, "state", "pending",
                "approved_for_broadcast", false));
        UUID deleted = put(Map.of("title", "Gone", "kind", "filler", "duration_ms", 20_000, "genre", genre, "state", "ready",
                "approved_for_broadcast", true, "is_deleted", true));

        Map<UUID, CatalogAsset> byRows = QuarkusTransaction.requiringNew().call(() -> table.all()
                .stream().map(CoreMapping::asset).collect(Collectors.toMap(CatalogAsset::uuid, a -> a)));
        Map<UUID, CatalogAsset> bySnapshot = QuarkusTransaction.requiringNew().call(() -> snapshots.current().all().stream()
                .collect(Collectors.toMap(CatalogAsset::uuid, a -> a)));
        CatalogAssetEntity entity = QuarkusTransaction.requiringNew().call(() -> CatalogAssetEntity.findById(episode));

        assertThat(bySnapshot).isEqualTo(byRows);
        assertThat(List.of(entity.title, entity.seriesId, entity.season, entity.episode, entity.tags, entity.rating, entity.version))
                .as("the row the set-based ingest wrote, read by the ORM the REST resources use")
                .isEqualTo(List.of("Pilot", "s-" + genre, 1, 2, List.of("kids", "new"), "TV-Y", 1L));
        assertThat(bySnapshot.get(episode).tags()).containsExactlyInAnyOrder("kids", "new");
        assertThat(bySnapshot.get(episode).season()).isEqualTo(1);
        assertThat(bySnapshot.get(unapproved).season()).isNull();
        assertThat(bySnapshot.get(unapproved).approvedForBroadcast()).isFalse();
        assertThat(bySnapshot.get(deleted).deleted()).isTrue();
    }

    private static UUID put(Map<String, Object> fields) {
        UUID uuid = UUID.randomUUID();
        Tokens.asScheduler().contentType("application/json").body(new HashMap<>(fields)).put("/api/v1/assets/{id}", uuid).then()
                .statusCode(anyOf(equalTo(200), equalTo(201)));
        return uuid;
    }
}
