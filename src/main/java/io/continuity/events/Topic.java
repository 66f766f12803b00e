package io.continuity.events;

/** The Kafka topics of the v1 contract (DESIGN.md §3). Names are public: never rename one. */
public enum Topic {
    PLAN_EVENTS("continuity.plan-events"),
    CATALOG_EVENTS("continuity.catalog-events"),
    OVERRIDE_COMMANDS("continuity.override-commands"),
    AS_RUN("continuity.as-run"),
    PLAYLOG("continuity.playlog"),
    OVERRIDES("continuity.overrides"),
    SCHEDULE_ALERTS("continuity.schedule-alerts"),
    SCHEDULE_DECISIONS("continuity.schedule-decisions");

    private final String topicName;

    Topic(String topicName) {
        this.topicName = topicName;
    }

    public String topicName() {
        return topicName;
    }

    /** The dead-letter topic of an input topic: the rejected record unchanged, with reason headers. */
    public String deadLetterTopic() {
        return topicName + ".dlq";
    }

    public static Topic byName(String name) {
        for (Topic topic : values()) {
            if (topic.topicName.equals(name)) {
                return topic;
            }
        }
        throw new IllegalArgumentException("Not a Continuity topic: " + name);
    }
}
