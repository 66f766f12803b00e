package io.continuity.iptv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class M3uWriterTest {

    private static final UUID RETRO = UUID.fromString("4d3c2b1a-0000-4000-8000-000000000001");
    private static final UUID KIDS = UUID.fromString("4d3c2b1a-0000-4000-8000-000000000002");

    @Test
    void playlistNamesTheGuideThenOneEntryAndStreamPerChannelInTheGivenOrder() {
        String m3u = M3uWriter.write("https://tv.example/api/v1/epg/xmltv?access_token=abc", List.of(
                new IptvChannel(RETRO, "retro-tv", "Retro TV", 1, "retro-tv.continuity", "https://tv.example/iptv/logos/retro-tv.svg",
                        "http://playout:8090/hls/" + RETRO + "/live.m3u8"),
                new IptvChannel(KIDS, "euro-kids", "Euro Kids", 3, "euro-kids.continuity", "https://tv.example/iptv/logos/euro-kids.svg",
                        "http://playout:8090/hls/" + KIDS + "/live.m3u8")));

        assertThat(m3u.lines().toList()).containsExactly(
                "#EXTM3U url-tvg=\"https://tv.example/api/v1/epg/xmltv?access_token=abc\" x-tvg-url=\"https://tv.example/api/v1/epg/xmltv?access_token=abc\"",
                "#EXTINF:-1 tvg-id=\"retro-tv.continuity\" tvg-name=\"Retro TV\" tvg-logo=\"https://tv.example/iptv/logos/retro-tv.svg\" tvg-chno=\"1\""
                        + " group-title=\"Continuity\",Retro TV",
                "http://playout:8090/hls/" + RETRO + "/live.m3u8",
                "#EXTINF:-1 tvg-id=\"euro-kids.continuity\" tvg-name=\"Euro Kids\" tvg-logo=\"https://tv.example/iptv/logos/euro-kids.svg\" tvg-chno=\"3\""
                        + " group-title=\"Continuity\",Euro Kids",
                "http://playout:8090/hls/" + KIDS + "/live.m3u8");
    }

    @Test
    void quotesAndLineBreaksInATitleCannotBreakThePlaylist() {
        String m3u = M3uWriter.write("g", List.of(new IptvChannel(RETRO, "retro-tv", "The \"Best\"\nof TV", 1, "retro-tv.continuity", "l", "s")));

        assertThat(m3u.lines().toList()).hasSize(3);
        assertThat(m3u).contains("tvg-name=\"The 'Best' of TV\"", ",The \"Best\" of TV\ns\n");
    }

    @Test
    void generatedLogoShowsTheSlugsInitialsOnAColourThatDependsOnTheSlugAlone() {
        String logo = ChannelLogo.svg("cinema-one");

        assertThat(logo).startsWith("<svg").contains(">CO</text>").isEqualTo(ChannelLogo.svg("cinema-one"));
        assertThat(ChannelLogo.svg("sydney-news-late-edition")).contains(">SNL</text>");
        assertThat(fill(logo)).isNotEqualTo(fill(ChannelLogo.svg("retro-tv")));
        assertThatThrownBy(() -> ChannelLogo.svg("../etc")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String fill(String svg) {
        return svg.substring(svg.indexOf("fill=\"hsl"), svg.indexOf(')', svg.indexOf("fill=\"hsl")));
    }
}
