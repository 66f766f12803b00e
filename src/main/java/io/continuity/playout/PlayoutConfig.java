package io.continuity.playout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The playout ChannelManager ({@code continuity.playout.*}): plays the playlog as live HLS with ffmpeg. See docs/playout.md. */
@ConfigMapping(prefix = "continuity.playout")
public interface PlayoutConfig {

    /** Whether this process runs the playout ChannelManager (the {@code playout} profile turns it on). */
    @WithDefault("false")
    boolean enabled();

    /** Channel ids to play; empty plays every channel it hears about. */
    Optional<List<UUID>> channels();

    /** Consumer group for {@code continuity.playlog} and {@code continuity.overrides}. */
    @WithDefault("continuity-playout")
    String groupId();

    /** Consumer group for {@code continuity.catalog-events} (where each asset's file is). */
    @WithDefault("continuity-playout-catalog")
    String catalogGroupId();

    /** Where the live playlists and segments are written: one folder per channel id. */
    @WithDefault("${java.io.tmpdir}/continuity-playout")
    Path outputDir();

    /** Fallback media lookup: a file named {@code {asset_uuid}.*} in this folder, for assets the catalog gives no file for. */
    Optional<Path> mediaRoot();

    /** Port of the HLS server ({@code GET /hls/{channel_id}/live.m3u8}); 0 picks a free one. */
    @WithDefault("8090")
    int httpPort();

    /** Target segment length; in transcode mode every segment but an item's last is exactly this long. */
    @WithDefault("PT2S")
    Duration segmentDuration();

    /** Segments listed in the live playlist. */
    @WithDefault("6")
    int windowSegments();

    /** How long before an item's start its ffmpeg is started. */
    @WithDefault("PT4S")
    Duration lead();

    /**
     * How far after "now" a change can take effect on the output: where playout joins at start-up and the earliest point an
     * override or a new day version cuts in. Must cover ffmpeg's start-up.
     */
    @WithDefault("PT2S")
    Duration joinDelay();

    /** How often the playout loop looks at the clock and the encoders. */
    @WithDefault("PT0.1S")
    Duration tick();

    /** {@code transcode} (every item to the profile below) or {@code copy} (H.264/AAC inputs are remuxed, others transcoded). */
    @WithDefault("transcode")
    EncodingMode mode();

    /** The ffmpeg binary. */
    @WithDefault("ffmpeg")
    String ffmpeg();

    /** The ffprobe binary (copy mode asks it for the input's codecs). */
    @WithDefault("ffprobe")
    String ffprobe();

    /** Input read rate, as a multiple of real time (ffmpeg {@code -readrate}); 0 reads as fast as ffmpeg can. */
    @WithDefault("1.0")
    double readRate();

    /** Text of the slate shown for {@code gap} events and where nothing is scheduled. */
    @WithDefault("Continuity")
    String slateText();

    /** The transcode profile. */
    Transcode transcode();

    /** How items are encoded when they are transcoded; the output's GOP is one segment long. */
    interface Transcode {
        @WithDefault("libx264")
        String videoCodec();

        @WithDefault("veryfast")
        String preset();

        /** Output size (every input is scaled and padded to it). */
        @WithDefault("1280x720")
        String size();

        @WithDefault("25")
        int frameRate();

        @WithDefault("3000k")
        String videoBitrate();

        @WithDefault("aac")
        String audioCodec();

        @WithDefault("128k")
        String audioBitrate();
    }
}
