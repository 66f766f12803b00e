package io.continuity.messaging;

/**
 * A record that names something another topic has not delivered yet, while this instance is still catching up with the
 * log (a rebuild reads the topics side by side, so an override can arrive before its channel). It is a passing failure:
 * the batch is retried in place until the other topic's record is applied, never dead-lettered.
 */
public class AwaitingInput extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AwaitingInput(String what) {
        super(what);
    }
}
