package io.continuity.resolver.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

/**
 * Deterministic identities: event uuids are name-based (type 3) over channel, day, start, asset, kind and seed
 * generation, so re-resolving identical inputs gives identical uuids; the day seed is derived the same way.
 *
 * <p>The name is {@code "continuity-event|" + channel + '|' + day + '|' + start + '|' + asset + '|' + kind + '|' +
 * generation} in the {@code toString} forms of those values, exactly as {@link UUID#nameUUIDFromBytes} would hash
 * it. The name is written as ASCII bytes straight into a per-thread buffer and hashed with MD5, because
 * one uuid is made per resolved event and the string concatenation, {@code Instant.toString} and the digest lookup
 * were a fifth of the resolver's time (benchmark B7). Values outside the fast path (years outside 1000–9999, sub-millisecond
 * instants) fall back to their {@code toString}, so the uuid never depends on which path made it. The names of one
 * channel-day share their start (prefix, channel, day), so {@link #forDay} hashes its whole blocks once for the day
 * and each event continues from a copy of that digest.
 */
final class EventIds {

    private static final byte[] EVENT_PREFIX = "continuity-event|".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private EventIds() {
    }

    static UUID eventUuid(UUID channelId, LocalDate day, Instant start, UUID assetUuid, EventKind kind,
                          int seedGeneration) {
        return forDay(channelId, day).eventUuid(start, assetUuid, kind, seedGeneration);
    }

    /** The event uuids of one channel-day: the part of the name they share is hashed once. */
    static ForDay forDay(UUID channelId, LocalDate day) {
        Scratch s = SCRATCH.get();
        s.length = 0;
        s.put(EVENT_PREFIX);
        s.uuid(channelId);
        s.put('|');
        s.date(day);
        s.put('|');
        int whole = s.length / 64 * 64;
        MessageDigest prefixed = md5();
        prefixed.update(s.bytes, 0, whole);
        return new ForDay(prefixed, Arrays.copyOfRange(s.bytes, whole, s.length));
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new InternalError("MD5 not supported", e);
        }
    }

    /**
     * An MD5 digest that has hashed the whole blocks of the shared part of a channel-day's event names (never updated
     * again: each name hashes on a copy of it), and the bytes of that part after them.
     */
    static final class ForDay {

        private final MessageDigest prefixed;
        private final byte[] rest;

        private ForDay(MessageDigest prefixed, byte[] rest) {
            this.prefixed = prefixed;
            this.rest = rest;
        }

        UUID eventUuid(Instant start, UUID assetUuid, EventKind kind, int seedGeneration) {
            Scratch s = SCRATCH.get();
            s.length = 0;
            s.put(rest);
            s.instant(start);
            s.put('|');
            if (assetUuid == null) {
                s.put(NULL);
            } else {
                s.uuid(assetUuid);
            }
            s.put('|');
            s.ascii(kind.name());
            s.put('|');
            s.ascii(Integer.toString(seedGeneration));
            try {
                return s.nameUuid((MessageDigest) prefixed.clone());
            } catch (CloneNotSupportedException e) {
                throw new InternalError("MD5 cannot be copied", e);
            }
        }
    }

    static long daySeed(UUID channelId, LocalDate day, int seedGeneration) {
        String name = "continuity-seed|" + channelId + '|' + day + '|' + seedGeneration;
        UUID hash = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(16).putLong(hash.getMostSignificantBits())
                .putLong(hash.getLeastSignificantBits()).getLong(4);
    }

    /** A growable ASCII buffer, one per thread. */
    private static final class Scratch {

        private byte[] bytes = new byte[192];
        private int length;

        /**
         * What {@link UUID#nameUUIDFromBytes} returns for a name of which {@code md5} has hashed the start and this
         * buffer holds the rest.
         */
        UUID nameUuid(MessageDigest md5) {
            md5.update(bytes, 0, length);
            byte[] hash = md5.digest();
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (hash[i] & 0xff);
            }
            for (int i = 8; i < 16; i++) {
                lsb = (lsb << 8) | (hash[i] & 0xff);
            }
            // the version (3) and variant bits, as UUID.nameUUIDFromBytes sets them
            msb = msb & ~0xf000L | 0x3000L;
            lsb = lsb & 0x3fffffffffffffffL | 0x8000000000000000L;
            return new UUID(msb, lsb);
        }

        void put(char c) {
            ensure(1);
            bytes[length++] = (byte) c;
        }

        void put(byte[] ascii) {
            ensure(ascii.length);
            System.arraycopy(ascii, 0, bytes, length, ascii.length);
            length += ascii.length;
        }

        /** Any string, as {@code String.getBytes(UTF_8)} would encode it. */
        void ascii(String text) {
            put(text.getBytes(StandardCharsets.UTF_8));
        }

        /** {@link UUID#toString()}: 8-4-4-4-12 lower-case hex digits. */
        void uuid(UUID uuid) {
            ensure(36);
            long msb = uuid.getMostSignificantBits();
            long lsb = uuid.getLeastSignificantBits();
            hex(msb >>> 32, 8);
            bytes[length++] = '-';
            hex(msb >>> 16, 4);
            bytes[length++] = '-';
            hex(msb, 4);
            bytes[length++] = '-';
            hex(lsb >>> 48, 4);
            bytes[length++] = '-';
            hex(lsb, 12);
        }

        /** {@link LocalDate#toString()}: {@code yyyy-MM-dd} for four-digit years. */
        void date(LocalDate day) {
            int year = day.getYear();
            if (year < 1000 || year > 9999) {
                ascii(day.toString());
                return;
            }
            ensure(10);
            digits(year, 4);
            bytes[length++] = '-';
            digits(day.getMonthValue(), 2);
            bytes[length++] = '-';
            digits(day.getDayOfMonth(), 2);
        }

        /** {@link Instant#toString()}: {@code yyyy-MM-ddTHH:mm:ss[.SSS]Z} for four-digit years and whole milliseconds. */
        void instant(Instant instant) {
            int nanos = instant.getNano();
            if (nanos % 1_000_000 != 0) {
                ascii(instant.toString());
                return;
            }
            LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
            if (t.getYear() < 1000 || t.getYear() > 9999) {
                ascii(instant.toString());
                return;
            }
            ensure(24);
            date(t.toLocalDate());
            bytes[length++] = 'T';
            digits(t.getHour(), 2);
            bytes[length++] = ':';
            digits(t.getMinute(), 2);
            bytes[length++] = ':';
            digits(t.getSecond(), 2);
            if (nanos != 0) {
                bytes[length++] = '.';
                digits(nanos / 1_000_000, 3);
            }
            bytes[length++] = 'Z';
        }

        private void hex(long value, int count) {
            for (int i = count - 1; i >= 0; i--) {
                bytes[length + i] = HEX[(int) (value & 0xf)];
                value >>>= 4;
            }
            length += count;
        }

        private void digits(int value, int count) {
            for (int i = count - 1; i >= 0; i--) {
                bytes[length + i] = (byte) ('0' + value % 10);
                value /= 10;
            }
            length += count;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }
}
