package io.continuity.iptv;

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
}
