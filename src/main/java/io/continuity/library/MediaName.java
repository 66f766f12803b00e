package io.continuity.library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.continuity.resolver.core.AssetKind;

/**
 * What a media file's path inside the library says about it, from the common naming schemes:
 * {@code Show/Season 01/Show - S01E02 - Title.mkv}, {@code Show.S01E02.mkv}, {@code Show 1x02.mkv},
 * {@code Movie (1999).mkv}. A file under a top folder named {@code filler}, {@code bumpers} or {@code promos} (or
 * {@code interstitials}) is of that kind. Plain Java, no I/O.
 *
 * @param kind episode when a season and episode were found, movie otherwise (or the kind of the top folder)
 * @param seriesTitle the show's name, for an episode
 * @param season season number, for an episode
 * @param episode episode number, for an episode
 * @param title the episode's own title (episode) or the movie's title
 * @param year a movie's year, from {@code (1999)}
 */
public record MediaName(AssetKind kind, String seriesTitle, Integer season, Integer episode, String title, Integer year) {

    private static final Pattern SXXEYY = Pattern.compile("(?i)^(?<show>.*?)[\\s._-]*(?<![\\p{L}\\p{N}])S(?<season>\\d{1,3})[\\s._-]*E(?<episode>\\d{1,4})"
            + "(?:[\\s._-]*E\\d{1,4})*(?<rest>.*)$");
    private static final Pattern NXNN = Pattern.compile("(?i)^(?<show>.*?)[\\s._-]*(?<![\\p{L}\\p{N}])(?<season>\\d{1,2})x(?<episode>\\d{1,3})\\b(?<rest>.*)$");
    private static final Pattern MOVIE_PAREN_YEAR = Pattern.compile("^(?<title>.+?)[\\s._]*[(\\[](?<year>(?:19|20)\\d{2})[)\\]].*$");
    private static final Pattern MOVIE_DOTTED_YEAR = Pattern.compile("^(?<title>.+?)[\\s._](?<year>(?:19|20)\\d{2})(?:[\\s._].*)?$");
    private static final Pattern SEASON_FOLDER = Pattern.compile("(?i)^(?:season|series|staffel|saison)[\\s._-]*(\\d{1,3})$|^s(\\d{1,3})$");
    private static final Pattern SPECIALS_FOLDER = Pattern.compile("(?i)^specials?$");

    /** Parses {@code relative}, the file's path relative to its library folder. */
    public static MediaName parse(Path relative) {
        List<String> folders = new ArrayList<>();
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            folders.add(relative.getName(i).toString());
        }
        String stem = stem(relative.getFileName().toString());
        AssetKind folderKind = folders.isEmpty() ? null : interstitialKind(folders.get(0));
        if (folderKind != null) {
            return new MediaName(folderKind, null, null, null, clean(stem), null);
        }
        MediaName episode = episode(stem, folders);
        if (episode != null) {
            return episode;
        }
        for (Pattern pattern : List.of(MOVIE_PAREN_YEAR, MOVIE_DOTTED_YEAR)) {
            Matcher movie = pattern.matcher(stem);
            if (movie.matches() && !clean(movie.group("title")).isEmpty()) {
                return new MediaName(AssetKind.MOVIE, null, null, null, clean(movie.group("title")), Integer.parseInt(movie.group("year")));
            }
        }
        return new MediaName(AssetKind.MOVIE, null, null, null, clean(stem), null);
    }

    private static MediaName episode(String stem, List<String> folders) {
        for (Pattern pattern : List.of(SXXEYY, NXNN)) {
            Matcher m = pattern.matcher(stem);
            if (m.matches()) {
                String show = clean(m.group("show"));
                if (show.isEmpty()) {
                    show = showFromFolders(folders);
                }
                String title = clean(m.group("rest"));
                return new MediaName(AssetKind.EPISODE, show.isEmpty() ? null : show, Integer.parseInt(m.group("season")),
                        Integer.parseInt(m.group("episode")), title.isEmpty() ? null : title, null);
            }
        }
        return null;
    }

    /** The series folder: the parent of a season folder, else the file's own folder. */
    private static String showFromFolders(List<String> folders) {
        for (int i = folders.size() - 1; i >= 0; i--) {
            if (!isSeasonFolder(folders.get(i))) {
                return clean(folders.get(i));
            }
        }
        return "";
    }

    /** The season number a folder such as {@code Season 01}, {@code S2} or {@code Specials} (0) names, or null. */
    public static Integer seasonOfFolder(String name) {
        if (SPECIALS_FOLDER.matcher(name).matches()) {
            return 0;
        }
        Matcher m = SEASON_FOLDER.matcher(name.trim());
        if (!m.matches()) {
            return null;
        }
        return Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2));
    }

    private static boolean isSeasonFolder(String name) {
        return seasonOfFolder(name) != null;
    }

    private static AssetKind interstitialKind(String folder) {
        return switch (folder.toLowerCase(Locale.ROOT)) {
            case "filler", "fillers", "interstitial", "interstitials" -> AssetKind.FILLER;
            case "bumper", "bumpers" -> AssetKind.BUMPER;
            case "promo", "promos" -> AssetKind.PROMO;
            default -> null;
        };
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** Dots and underscores used as spaces become spaces; separators and brackets at the ends go. */
    static String clean(String text) {
        String spaced = text.contains(" ") ? text.replace('_', ' ') : text.replace('.', ' ').replace('_', ' ');
        return spaced.replaceAll("\\s+", " ").replaceAll("^[\\s\\-–.:]+|[\\s\\-–.:(\\[]+$", "").trim();
    }
}
