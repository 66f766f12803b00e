package io.continuity.resolver.core;

/**
 * MD5 (RFC 1321) over byte arrays, for {@link EventIds}: the resolver hashes one short name per event, and the names
 * of one channel-day share their first 64 bytes, so the state after that first block is worked out once per day and
 * each event hashes only the rest. Gives exactly what {@code MessageDigest.getInstance("MD5")} gives.
 */
final class Md5 {

    private static final int[] K = {
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
        0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
        0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
        0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
        0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391
    };
    private static final int[] SHIFT = {
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21
    };

    private Md5() {
    }

    static int[] initialState() {
        return new int[] {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
    }

    /** Hashes the 64 bytes of {@code block} from {@code offset} into {@code state}; {@code x} is room for 16 ints. */
    static void compress(int[] state, byte[] block, int offset, int[] x) {
        for (int i = 0; i < 16; i++) {
            int at = offset + 4 * i;
            x[i] = (block[at] & 0xff) | (block[at + 1] & 0xff) << 8 | (block[at + 2] & 0xff) << 16 | (block[at + 3] & 0xff) << 24;
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        for (int i = 0; i < 16; i++) {
            int next = b + Integer.rotateLeft(a + ((b & c) | (~b & d)) + K[i] + x[i], SHIFT[i]);
            a = d;
            d = c;
            c = b;
            b = next;
        }
        for (int i = 16; i < 32; i++) {
            int next = b + Integer.rotateLeft(a + ((d & b) | (~d & c)) + K[i] + x[(5 * i + 1) & 15], SHIFT[i]);
            a = d;
            d = c;
            c = b;
            b = next;
        }
        for (int i = 32; i < 48; i++) {
            int next = b + Integer.rotateLeft(a + (b ^ c ^ d) + K[i] + x[(3 * i + 5) & 15], SHIFT[i]);
            a = d;
            d = c;
            c = b;
            b = next;
        }
        for (int i = 48; i < 64; i++) {
            int next = b + Integer.rotateLeft(a + (c ^ (b | ~d)) + K[i] + x[(7 * i) & 15], SHIFT[i]);
            a = d;
            d = c;
            c = b;
            b = next;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
    }

    /**
     * Finishes a message of which {@code state} holds the first {@code hashedBytes} bytes (whole blocks) and
     * {@code rest[0, restLength)} is the remainder: pads {@code rest} in place (it needs 72 bytes of room past
     * {@code restLength}) and returns the digest's four words; byte {@code i} of the digest is byte {@code i % 4} (low
     * first) of word {@code i / 4}.
     */
    static int[] finish(int[] state, long hashedBytes, byte[] rest, int restLength, int[] x) {
        long bits = (hashedBytes + restLength) * 8;
        int length = restLength;
        rest[length++] = (byte) 0x80;
        while (length % 64 != 56) {
            rest[length++] = 0;
        }
        for (int i = 0; i < 8; i++) {
            rest[length++] = (byte) (bits >>> (8 * i));
        }
        int[] words = state.clone();
        for (int offset = 0; offset < length; offset += 64) {
            compress(words, rest, offset, x);
        }
        return words;
    }
}
