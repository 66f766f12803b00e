package io.continuity.epg;

/**
 * Season and episode numbers as XMLTV writes them. Catalog numbers are one-based (season 1, episode 5); {@code xmltv_ns}
 * is zero-based "season.episode.part" ({@code 0.4.0/1}), {@code onscreen} is what a viewer sees ({@code S01E05}).
 * Season 0 (specials) and episode 0 have no zero-based form, so {@code xmltv_ns} leaves them out, as the DTD allows
 * for unknown numbers.
 */
public final class EpisodeNumbers {

    private static final String SINGLE_PART = "0/1";

    private EpisodeNumbers() {
    }

    /** The {@code xmltv_ns} form, or null when neither number can be written. */
    public static String xmltvNs(Integer season, Integer episode) {
        boolean hasSeason = season != null && season > 0;
        boolean hasEpisode = episode != null && episode > 0;
        if (!hasSeason && !hasEpisode) {
            return null;
        }
        return (hasSeason ? Integer.toString(season - 1) : "") + "." + (hasEpisode ? Integer.toString(episode - 1) : "") + "." + SINGLE_PART;
    }

    /** The {@code onscreen} form ({@code S01E05}, {@code S02}, {@code E07}), or null when both are unknown. */
    public static String onscreen(Integer season, Integer episode) {
        if (season == null && episode == null) {
            return null;
        }
        return (season == null ? "" : "S" + twoDigits(season)) + (episode == null ? "" : "E" + twoDigits(episode));
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
