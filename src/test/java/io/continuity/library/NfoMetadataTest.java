package io.continuity.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NfoMetadataTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void readsAnEpisodesDetails() throws IOException {
        Path nfo = write("ep.nfo", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <episodedetails>
                  <title>Christmas Cheers</title>
                  <showtitle>Cheers</showtitle>
                  <season>6</season>
                  <episode>12</episode>
                  <plot>Holiday episode.</plot>
                  <genre>Comedy</genre>
                  <genre>Sitcom</genre>
                  <mpaa>TV-PG</mpaa>
                  <actor><name>Ted Danson</name><title>not the episode title</title></actor>
                </episodedetails>
                """);

        assertThat(NfoMetadata.read(nfo)).contains(new NfoMetadata("episodedetails", "Christmas Cheers", "Cheers", 6, 12, "Holiday episode.",
                "Comedy", "TV-PG"));
    }

    @Test
    void readsAMovieWithAnOutlineWhenThereIsNoPlot() throws IOException {
        Path nfo = write("movie.nfo", "<movie><title>The Matrix</title><outline>A hacker learns.</outline><genre>Action</genre></movie>");

        assertThat(NfoMetadata.read(nfo)).contains(new NfoMetadata("movie", "The Matrix", null, null, null, "A hacker learns.", "Action", null));
    }

    @Test
    void readsAShow() throws IOException {
        Path nfo = write("tvshow.nfo", "<tvshow><title>Cheers</title><plot>A Boston bar.</plot><genre>Comedy</genre></tvshow>");

        assertThat(NfoMetadata.read(nfo)).get().extracting(NfoMetadata::root, NfoMetadata::title, NfoMetadata::plot)
                .containsExactly("tvshow", "Cheers", "A Boston bar.");
    }

    @Test
    void ignoresWhatIsNotAKodiNfo() throws IOException {
        assertThat(NfoMetadata.read(write("url.nfo", "https://www.themoviedb.org/movie/603"))).isEmpty();
        assertThat(NfoMetadata.read(write("other.nfo", "<musicvideo><title>x</title></musicvideo>"))).isEmpty();
        assertThat(NfoMetadata.read(write("broken.nfo", "<movie><title>x</movie>"))).isEmpty();
        assertThat(NfoMetadata.read(dir.resolve("missing.nfo"))).isEmpty();
    }

    @Test
    void neverResolvesExternalEntities() throws IOException {
        Path secret = write("secret.txt", "do not read");
        Path nfo = write("xxe.nfo", "<?xml version=\"1.0\"?><!DOCTYPE movie [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]><movie><title>&x;</title></movie>");

        assertThat(NfoMetadata.read(nfo)).isEmpty();
    }

    @Test
    void ignoresANonNumericSeason() throws IOException {
        Path nfo = write("ep.nfo", "<episodedetails><title>T</title><season>one</season><episode>2</episode></episodedetails>");

        assertThat(NfoMetadata.read(nfo)).get().extracting(NfoMetadata::season, NfoMetadata::episode).containsExactly(null, 2);
    }
}
