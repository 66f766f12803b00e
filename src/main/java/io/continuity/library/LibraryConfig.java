package io.continuity.library;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The media-library importer ({@code continuity.library.*}, environment {@code CONTINUITY_LIBRARY_*}); see docs/library.md. */
@ConfigMapping(prefix = "continuity.library")
public interface LibraryConfig {

    /** Library folders, comma-separated absolute paths; none: nothing to scan (scans answer with a problem). */
    Optional<List<String>> paths();

    /**
     * Rescan every this long ({@code 6h}, {@code PT30M}) ; {@code off} (the
     * default): only on request and in watch mode. Read by {@link LibraryService#scheduled()}.
     */
    @WithDefault("off")
    String scanEvery();

    /** Watch the folders (java.nio WatchService) and rescan once they have been quiet for {@link #watchDebounce()}. */
    @WithDefault("false")
    boolean watch();

    /** How long the folders must be quiet after a change before watch mode rescans. */
    @WithDefault("PT3S")
    Duration watchDebounce();

    /** Media file extensions imported, lower case, without the dot. */
    @WithDefault("mkv,mp4,m4v,mov,avi,ts,m2ts,mts,mpg,mpeg,webm,wmv,flv,ogv,mxf")
    List<String> extensions();

    /** The ffprobe executable: a name on the PATH or an absolute path. */
    @WithDefault("ffprobe")
    String ffprobe();

    /** How long one ffprobe may take before the file is reported unreadable. */
    @WithDefault("PT60S")
    Duration probeTimeout();

    /** Files fingerprinted and probed at once; unset: the number of processors, at least 2. */
    OptionalInt probeThreads();

    /** Log a progress line after this many files... */
    @WithDefault("500")
    int progressEveryFiles();

    /** ...or after this long, whichever comes first. */
    @WithDefault("PT5S")
    Duration progressEvery();

    /** The {@code approved_for_broadcast} of imported assets: true schedules them at once. */
    @WithDefault("true")
    boolean approve();
}
