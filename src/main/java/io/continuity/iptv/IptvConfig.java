package io.continuity.iptv;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How IPTV players reach the channels ({@code continuity.iptv.*}); see docs/iptv.md. */
@ConfigMapping(prefix = "continuity.iptv")
public interface IptvConfig {

    /**
     * Where the playout ChannelManager's HLS server answers, as players and browsers reach it: each channel's stream is
     * {@code {stream-base-url}/hls/{channel_id}/live.m3u8}. The default is the playout process on the same machine.
     */
    @WithDefault("http://localhost:8090")
    String streamBaseUrl();

    /**
     * The channels a playout ChannelManager streams, when it streams only some ({@code continuity.playout.channels} of
     * that process): the M3U playlist and the guide's Watch list then offer only these, so no player is handed a stream
     * that answers 404. Unset, every live channel is offered.
     */
    Optional<List<UUID>> channels();
}
