package io.continuity.playout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A playout configuration for tests: 320x180 at 25 fps, 2 s segments, output and media under a test folder. */
record TestPlayoutConfig(Path outputDir, Optional<Path> mediaRoot, EncodingMode mode, int windowSegments) implements PlayoutConfig {

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Optional<List<UUID>> channels() {
        return Optional.empty();
    }

    @Override
    public String groupId() {
        return "continuity-playout-test";
    }

    @Override
    public String catalogGroupId() {
        return "continuity-playout-catalog-test";
    }

    @Override
    public int httpPort() {
        return 0;
    }

    @Override
    public Duration segmentDuration() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Duration lead() {
        return Duration.ofSeconds(4);
    }

    @Override
    public Duration joinDelay() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Duration tick() {
        return Duration.ofMillis(100);
    }

    @Override
    public String ffmpeg() {
        return "ffmpeg";
    }

    @Override
    public String ffprobe() {
        return "ffprobe";
    }

    @Override
    public double readRate() {
        return 1.0;
    }

    @Override
    public String slateText() {
        return "Continuity";
    }

    @Override
    public Transcode transcode() {
        return new Transcode() {
            @Override
            public String videoCodec() {
                return "libx264";
            }

            @Override
            public String preset() {
                return "veryfast";
            }

            @Override
            public String size() {
                return "320x180";
            }

            @Override
            public int frameRate() {
                return 25;
            }

            @Override
            public String videoBitrate() {
                return "400k";
            }

            @Override
            public String audioCodec() {
                return "aac";
            }

            @Override
            public String audioBitrate() {
                return "64k";
            }
        };
    }
}
