package io.continuity.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The catalog search's filters as SQL: only live assets, every filter narrowing, text taken literally. */
class AssetFilterTest {

    @Test
    void noFilterSearchesEveryLiveAsset() {
        AssetFilter filter = AssetFilter.of(null, " ", null, "", null, null);
        assertThat(filter.where()).isEqualTo(" WHERE NOT is_retired");
        assertThat(filter.parameters()).isEmpty();
    }

    @Test
    void everyFilterGivenNarrowsTheSearchWithItsOwnParameter() {
        AssetFilter filter = AssetFilter.of("Christmas", "Interstitial", "the-avengers", "Drama", "Holiday", true);
        assertThat(filter.where()).isEqualTo(" WHERE NOT is_retired AND (lower(title) LIKE ?1 OR lower(coalesce(series_title, '')) LIKE ?1"
                + " OR lower(coalesce(episode_title, '')) LIKE ?1) AND kind = ?2 AND series_id = ?3 AND lower(genre) = ?4 AND ?5 = ANY (tags)"
                + " AND (state = 'ready' AND approved_for_broadcast AND NOT is_deleted)");
        assertThat(filter.parameters()).containsExactly("%christmas%", "filler", "the-avengers", "drama", "holiday");
    }

    @Test
    void likeWildcardsInTheTextAreMatchedLiterally() {
        assertThat(AssetFilter.of("100%_done\\", null, null, null, null, null).parameters()).isEqualTo(List.of("%100\\%\\_done\\\\%"));
    }

    @Test
    void ineligibleAssetsAreThoseFailingAnyConditionOfEligibility() {
        assertThat(AssetFilter.of(null, null, null, null, null, false).where())
                .endsWith(" AND NOT (state = 'ready' AND approved_for_broadcast AND NOT is_deleted)");
    }
}
