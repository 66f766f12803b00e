package io.continuity.playout;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where each asset's file is: the {@code media.uri} ({@code file:///abs/path}) of its last {@code asset.upserted.v1}, or else a
 * file named {@code {asset_uuid}.*} under the configured media root. A file is available when it exists, is readable and is not
 * empty; whether ffmpeg can decode it shows when it is played.
 */
public final class MediaLibrary {

    private final Map<UUID, Path> files = new ConcurrentHashMap<>();
    private final Optional<Path> mediaRoot;

    public MediaLibrary(Optional<Path> mediaRoot) {
        this.mediaRoot = mediaRoot;
    }

    /** Learns from an {@code asset.upserted.v1} payload, read tolerantly: no {@code media}, or no usable {@code uri}, forgets the file. */
    public void upserted(JsonNode payload) {
        UUID asset = uuid(payload.path("asset_uuid").asText(null));
        if (asset == null) {
            return;
        }
        String uri = payload.path("media").path("uri").asText(null);
        Path file = fileOf(uri);
        if (file == null || payload.path("is_deleted").asBoolean(false)) {
            files.remove(asset);
        } else {
            files.put(asset, file);
        }
    }

    public void retired(UUID asset) {
        files.remove(asset);
    }

    public void put(UUID asset, Path file) {
        files.put(asset, file);
    }

    /** The asset's file, if one is there to play. */
    public Optional<Path> locate(UUID asset) {
        if (asset == null) {
            return Optional.empty();
        }
        Path known = files.get(asset);
        if (known != null) {
            return Optional.of(known).filter(MediaLibrary::playable);
        }
        return mediaRoot.flatMap(root -> byName(root, asset));
    }

    private static Optional<Path> byName(Path root, UUID asset) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> matches = Files.newDirectoryStream(root, asset + ".*")) {
            for (Path p : matches) {
                if (playable(p)) {
                    return Optional.of(p);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean playable(Path file) {
        try {
            return Files.isRegularFile(file) && Files.isReadable(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path fileOf(String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        try {
            URI parsed = URI.create(uri);
            return "file".equals(parsed.getScheme()) ? Path.of(parsed) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
