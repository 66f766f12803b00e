package io.continuity.iptv;

import java.util.UUID;

/**
 * One live channel as an IPTV player sees it: the M3U entry and the guide's Watch button are made from this.
 *
 * @param number the stable channel number ({@link IptvRepository})
 * @param tvgId the channel's XMLTV id, so a player matches the stream to the XMLTV guide
 * @param logoUrl absolute URL of the channel's logo
 * @param streamUrl absolute URL of the channel's live HLS playlist
 */
public record IptvChannel(UUID channelId, String slug, String title, int number, String tvgId, String logoUrl, String streamUrl) {
}
