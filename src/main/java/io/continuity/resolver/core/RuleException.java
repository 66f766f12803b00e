package io.continuity.resolver.core;

/**
 * A rule or playback-rules map that cannot be accepted. The message always starts with the offending key so a
 * REST or Kafka validator can report it as is.
 */
public class RuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public RuleException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    /** The map key (JSON field) that was rejected. */
    public String key() {
        return key;
    }
}
