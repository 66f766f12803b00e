package io.continuity.resolver.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The resolver's MD5 gives what the JDK's gives, for every length around the block boundaries and any split point. */
class Md5Test {

    @Test
    void digestsLikeTheJdkForAnyLengthAndPrefix() throws Exception {
        Random random = new Random(7);
        for (int length = 0; length < 300; length++) {
            byte[] message = new byte[length];
            random.nextBytes(message);
            byte[] expected = MessageDigest.getInstance("MD5").digest(message);
            int whole = random.nextInt(length / 64 + 1) * 64;
            int[] state = Md5.initialState();
            int[] x = new int[16];
            for (int offset = 0; offset < whole; offset += 64) {
                Md5.compress(state, message, offset, x);
            }
            byte[] rest = Arrays.copyOf(Arrays.copyOfRange(message, whole, length), length - whole + 72);
            int[] words = Md5.finish(state, whole, rest, length - whole, x);
            byte[] actual = new byte[16];
            for (int i = 0; i < 16; i++) {
                actual[i] = (byte) (words[i / 4] >>> (8 * (i % 4)));
            }
            assertThat(actual).as("length %d, %d bytes hashed first", length, whole).isEqualTo(expected);
        }
    }
}
