package io.continuity.iptv;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.continuity.epg.ChannelGuide;
import io.continuity.epg.XmltvWriter;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The live channels as IPTV players see them: the XMLTV channel id as {@code tvg-id}, the stable channel number, the
 * logo the service draws, and the playout ChannelManager's HLS URL under {@code continuity.iptv.stream-base-url}.
 */
@ApplicationScoped
public class IptvService {

    private final IptvRepository repository;
    private final String streamBaseUrl;
    private final Optional<Set<UUID>> streamed;

    public IptvService(IptvRepository repository, IptvConfig config) {
        this.repository = repository;
        this.streamBaseUrl = config.streamBaseUrl().replaceAll("/+$", "");
        this.streamed = config.channels().map(Set::copyOf);
    }

    /**
     * Every channel that is not retired and is streamed ({@code continuity.iptv.channels}, all when unset), by channel
     * number; links are made absolute against {@code serviceBase}.
     */
    public List<IptvChannel> channels(URI serviceBase) {
        return repository.liveChannels().stream().filter(c -> streamed.map(ids -> ids.contains(c.id())).orElse(true))
                .map(c -> new IptvChannel(c.id(), c.slug(), c.title(), c.number(),
                        XmltvWriter.channelId(new ChannelGuide.Channel(c.id(), c.slug(), c.title(), null)),
                        serviceBase.resolve(IptvResource.LOGOS.substring(1) + "/" + c.slug() + ".svg").toString(), streamUrl(c.id())))
                .toList();
    }

    /** The channel's live HLS playlist on the playout ChannelManager. */
    public String streamUrl(UUID channelId) {
        return streamBaseUrl + "/hls/" + channelId + "/live.m3u8";
    }
}
