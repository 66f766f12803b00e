package io.continuity.library;

/**
 * What ffprobe found in a media file: its duration to the millisecond and its first video and audio streams.
 *
 * @param durationMs the container's duration, rounded to the millisecond
 * @param container ffprobe's {@code format_name}
 * @param videoCodec first video stream's codec, or null
 * @param audioCodec first audio stream's codec, or null
 * @param width first video stream's width, or null
 * @param height first video stream's height, or null
 * @param frameRate first video stream's frame rate as a fraction ({@code 25/1}), or null
 * @param audioChannels first audio stream's channel count, or null
 */
public record MediaProbe(long durationMs, String container, String videoCodec, String audioCodec, Integer width, Integer height,
        String frameRate, Integer audioChannels) {
}
