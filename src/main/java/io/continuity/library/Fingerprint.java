package io.continuity.library;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A cheap content fingerprint: the size and the SHA-256 of the first and the last MiB (the whole file when it is at
 * most 2 MiB), written {@code v1:<size>:<hex>}. Reading 2 MiB per file keeps a rescan of a large library fast, and a
 * moved or renamed file keeps its fingerprint (the path is not part of it). Two different files of equal size that
 * differ only in their middle would collide; the importer treats a collision as a copy and gives the second its own
 * asset uuid.
 */
public final class Fingerprint {

    static final int CHUNK = 1024 * 1024;

    private Fingerprint() {
    }

    /** The fingerprint of {@code file}; {@code size} is the size the caller saw (read again here). */
    public static String of(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size <= 2L * CHUNK) {
                digest(channel, sha, 0, size);
            } else {
                digest(channel, sha, 0, CHUNK);
                digest(channel, sha, size - CHUNK, CHUNK);
            }
            return "v1:" + size + ":" + HexFormat.of().formatHex(sha.digest());
        }
    }

    private static void digest(FileChannel channel, MessageDigest sha, long from, long length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, 64 * 1024));
        long position = from;
        long end = from + length;
        while (position < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new IOException("file shrank while it was read");
            }
            buffer.flip();
            sha.update(buffer);
            position += read;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
