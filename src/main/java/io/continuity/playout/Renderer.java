package io.continuity.playout;

import java.nio.file.Path;
import java.util.List;

/** Turns one piece of the output timeline (a stretch of a file, or the slate) into HLS segments in a folder. */
public interface Renderer {

    /** Starts rendering {@code job} into {@code dir}; returns at once. */
    Rendering start(RenderJob job, Path dir);

    /** What to render: {@code input} from {@code offsetMs} for {@code durationMs}, or the slate when {@code input} is null. */
    record RenderJob(Path input, long offsetMs, long durationMs, String label) {

        static RenderJob slate(long durationMs, String label) {
            return new RenderJob(null, 0, durationMs, label);
        }

        boolean isSlate() {
            return input == null;
        }
    }

    /** A finished segment: its file and its length from the encoder's own playlist. */
    record Segment(Path file, long durationMicros) {
    }

    /** One running encoder. */
    interface Rendering {

        /** The segments finished so far, in order. */
        List<Segment> segments();

        /** Whether the encoder has exited. */
        boolean finished();

        /** Whether it exited with an error; {@link #error()} says why. */
        boolean failed();

        String error();

        /** Stops the encoder (idempotent). */
        void stop();
    }
}
