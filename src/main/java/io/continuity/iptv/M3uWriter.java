package io.continuity.iptv;

import java.util.List;

/**
 * Writes the extended M3U playlist IPTV players read (VLC, TiviMate, Jellyfin Live TV, Plex DVR through an M3U tuner):
 * an {@code #EXTM3U} header whose {@code url-tvg} (and its alias {@code x-tvg-url}) points at the XMLTV guide, then one
 * {@code #EXTINF} line and one stream URL per channel, in the order given. Attribute values cannot hold a double quote,
 * so one is written as a single quote; line breaks in names become spaces.
 */
public final class M3uWriter {

    public static final String MEDIA_TYPE = "audio/x-mpegurl";
    /** The {@code group-title} every channel is listed under. */
    static final String GROUP = "Continuity";

    private M3uWriter() {
    }

    public static String write(String guideUrl, List<IptvChannel> channels) {
        StringBuilder m3u = new StringBuilder("#EXTM3U");
        m3u.append(" url-tvg=\"").append(attribute(guideUrl)).append("\" x-tvg-url=\"").append(attribute(guideUrl)).append("\"\n");
        for (IptvChannel channel : channels) {
            m3u.append("#EXTINF:-1")
                    .append(" tvg-id=\"").append(attribute(channel.tvgId())).append('"')
                    .append(" tvg-name=\"").append(attribute(channel.title())).append('"')
                    .append(" tvg-logo=\"").append(attribute(channel.logoUrl())).append('"')
                    .append(" tvg-chno=\"").append(channel.number()).append('"')
                    .append(" group-title=\"").append(GROUP).append('"')
                    .append(',').append(line(channel.title())).append('\n')
                    .append(line(channel.streamUrl())).append('\n');
        }
        return m3u.toString();
    }

    private static String attribute(String value) {
        return line(value).replace('"', '\'');
    }

    private static String line(String value) {
        return value.replaceAll("[\\r\\n]+", " ").strip();
    }
}
