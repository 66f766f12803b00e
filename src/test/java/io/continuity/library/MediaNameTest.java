package io.continuity.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.continuity.resolver.core.AssetKind;

class MediaNameTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Show/Season 01/Show - S01E02 - Title.mkv              | EPISODE | Show             | 1  | 2   | Title
            Show/Season 01/Show - s01e02 - Title.mkv              | EPISODE | Show             | 1  | 2   | Title
            Show.S01E02.mkv                                       | EPISODE | Show             | 1  | 2   | -
            The.Office.US.S03E12.Traveling.Salesmen.mkv           | EPISODE | The Office US    | 3  | 12  | Traveling Salesmen
            Show_Name_S2E5.mp4                                    | EPISODE | Show Name        | 2  | 5   | -
            Show 1x02.mkv                                         | EPISODE | Show             | 1  | 2   | -
            Show 10x102 - Long Title.avi                          | EPISODE | Show             | 10 | 102 | Long Title
            Doctor Who (2005)/Season 02/S02E04.mkv                | EPISODE | Doctor Who (2005) | 2 | 4   | -
            Cheers/Specials/S00E01 - Uncut.mkv                    | EPISODE | Cheers           | 0  | 1   | Uncut
            Cheers/Season 6/Cheers - S06E12E13 - Two Parter.mkv   | EPISODE | Cheers           | 6  | 12  | Two Parter
            Movie (1999).mkv                                      | MOVIE   | -                | -  | -   | Movie
            Movies/The Matrix (1999)/The Matrix (1999).mkv        | MOVIE   | -                | -  | -   | The Matrix
            2001 A Space Odyssey (1968).mkv                       | MOVIE   | -                | -  | -   | 2001 A Space Odyssey
            The.Matrix.1999.1080p.BluRay.mkv                      | MOVIE   | -                | -  | -   | The Matrix
            Home Movie.mp4                                        | MOVIE   | -                | -  | -   | Home Movie
            filler/Station Ident 3.mkv                            | FILLER  | -                | -  | -   | Station Ident 3
            Bumpers/Coming Up Next.mov                            | BUMPER  | -                | -  | -   | Coming Up Next
            promos/Show S01E01 Promo.mp4                          | PROMO   | -                | -  | -   | Show S01E01 Promo
            """)
    void recognisesTheCommonNamingSchemes(String path, AssetKind kind, String series, Integer season, Integer episode, String title) {
        MediaName name = MediaName.parse(Path.of(path));

        assertThat(name.kind()).isEqualTo(kind);
        assertThat(name.seriesTitle()).isEqualTo(series);
        assertThat(name.season()).isEqualTo(season);
        assertThat(name.episode()).isEqualTo(episode);
        assertThat(name.title()).isEqualTo(title);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Movie (1999).mkv                  | 1999
            The.Matrix.1999.1080p.BluRay.mkv  | 1999
            Blade Runner [1982].mkv           | 1982
            """)
    void readsAMoviesYear(String path, int year) {
        assertThat(MediaName.parse(Path.of(path)).year()).isEqualTo(year);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Season 01 | 1
            season 3  | 3
            S02       | 2
            Series 4  | 4
            Specials  | 0
            Extras    | -
            """)
    void readsSeasonFolders(String folder, Integer season) {
        assertThat(MediaName.seasonOfFolder(folder)).isEqualTo(season);
    }
}
