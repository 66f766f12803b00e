package io.continuity.bench;

/** An empty Java program: how long the JVM alone takes to start and stop (B6's reference). */
public final class JvmFloor {

    private JvmFloor() {
    }

    public static void main(String[] args) {
        // nothing: the measurement is the JVM's own start and exit
    }
}
