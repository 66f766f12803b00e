package io.continuity.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The {@code media} object of {@code continuity.asset.upserted.v1} (optional): where a ChannelManager finds the file
 * an asset plays from, and what ffprobe found in it. Only {@code uri} is required inside it.
 *
 * @param uri absolute {@code file:}, {@code http:} or {@code https:} URI of the media
 * @param sizeBytes file size in bytes
 * @param fingerprint content fingerprint the library importer identifies the file by ({@code v1:<size>:<sha-256 hex>})
 * @param container ffprobe's {@code format_name}, e.g. {@code matroska,webm}
 * @param videoCodec ffprobe's {@code codec_name} of the first video stream, e.g. {@code h264}
 * @param audioCodec ffprobe's {@code codec_name} of the first audio stream, e.g. {@code aac}
 * @param width width of the first video stream in pixels
 * @param height height of the first video stream in pixels
 * @param frameRate frame rate of the first video stream as a fraction, e.g. {@code 25/1} or {@code 30000/1001}
 * @param audioChannels channel count of the first audio stream
 */
public record AssetMedia(
        @NotBlank @Size(max = 4096) @MediaUri String uri,
        @PositiveOrZero Long sizeBytes,
        @Size(max = 200) String fingerprint,
        @Size(max = 100) String container,
        @Size(max = 50) String videoCodec,
        @Size(max = 50) String audioCodec,
        @Positive @Max(16_384) Integer width,
        @Positive @Max(16_384) Integer height,
        @Pattern(regexp = "[1-9][0-9]{0,8}/[1-9][0-9]{0,8}", message = "must be a fraction like 25/1 or 30000/1001") String frameRate,
        @Positive @Max(64) Integer audioChannels) {
}
