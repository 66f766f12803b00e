package io.continuity.iptv;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IptvServiceTest {

    private static final UUID NEWS = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID CARD = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final URI BASE = URI.create("http://guide.example/");

    private static final IptvRepository TWO_CHANNELS = new IptvRepository(null) {
        @Override
        public List<NumberedChannel> liveChannels() {
            return List.of(new NumberedChannel(NEWS, "news", "News", 1), new NumberedChannel(CARD, "test-card", "Test Card", 2));
        }
    };

    private static IptvConfig config(Optional<List<UUID>> channels) {
        return new IptvConfig() {
            @Override
            public String streamBaseUrl() {
                return "http://playout.example:8090/";
            }

            @Override
            public Optional<List<UUID>> channels() {
                return channels;
            }
        };
    }

    @Test
    void everyLiveChannelIsOfferedWhenNoChannelsAreNamed() {
        List<IptvChannel> offered = new IptvService(TWO_CHANNELS, config(Optional.empty())).channels(BASE);

        assertThat(offered).extracting(IptvChannel::channelId).containsExactly(NEWS, CARD);
        assertThat(offered.get(1).streamUrl()).isEqualTo("http://playout.example:8090/hls/" + CARD + "/live.m3u8");
    }

    @Test
    void onlyTheStreamedChannelsAreOfferedKeepingTheirNumbers() {
        List<IptvChannel> offered = new IptvService(TWO_CHANNELS, config(Optional.of(List.of(CARD)))).channels(BASE);

        assertThat(offered).extracting(IptvChannel::channelId).containsExactly(CARD);
        assertThat(offered.get(0).number()).isEqualTo(2);
        assertThat(offered.get(0).tvgId()).isEqualTo("test-card.continuity");
    }
}
