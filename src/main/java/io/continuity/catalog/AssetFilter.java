package io.continuity.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.Query;

/**
 * The filters of a catalog search as one SQL {@code WHERE} clause over {@code catalog_asset} with its parameters. Only
 * live (not retired) assets are searched; every filter given narrows the result. Text is matched case-insensitively
 * anywhere in the title, series title or episode title; genre and tag compare lower-cased, as the catalog stores them.
 */
record AssetFilter(String where, List<Object> parameters) {

    static AssetFilter of(String text, String kind, String seriesId, String genre, String tag, Boolean eligible) {
        StringBuilder where = new StringBuilder(" WHERE NOT is_retired");
        List<Object> parameters = new ArrayList<>();
        if (present(text)) {
            parameters.add("%" + text.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            int p = parameters.size();
            where.append(" AND (lower(title) LIKE ?").append(p).append(" OR lower(coalesce(series_title, '')) LIKE ?").append(p)
                    .append(" OR lower(coalesce(episode_title, '')) LIKE ?").append(p).append(')');
        }
        if (present(kind)) {
            parameters.add(kind.trim().toLowerCase(Locale.ROOT).equals("interstitial") ? "filler" : kind.trim().toLowerCase(Locale.ROOT));
            where.append(" AND kind = ?").append(parameters.size());
        }
        if (present(seriesId)) {
            parameters.add(seriesId.trim());
            where.append(" AND series_id = ?").append(parameters.size());
        }
        if (present(genre)) {
            parameters.add(genre.trim().toLowerCase(Locale.ROOT));
            where.append(" AND lower(genre) = ?").append(parameters.size());
        }
        if (present(tag)) {
            parameters.add(tag.trim().toLowerCase(Locale.ROOT));
            where.append(" AND ?").append(parameters.size()).append(" = ANY (tags)");
        }
        if (eligible != null) {
            where.append(eligible ? " AND" : " AND NOT").append(" (state = 'ready' AND approved_for_broadcast AND NOT is_deleted)");
        }
        return new AssetFilter(where.toString(), List.copyOf(parameters));
    }

    Query bind(Query query) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
