package io.continuity.preview;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.continuity.api.ProblemException;
import io.continuity.events.EventJson;

/**
 * One change of a what-if preview, as the request names it: the operation, the ids it names outside the body, and the
 * body of the REST command it stands for ({@code plan} or {@code assignment}). Turning it into the command's event and
 * applying it is {@link PlanBranch}'s.
 */
record PlanChange(int index, Op op, UUID planId, UUID assignmentId, byte[] body) {

    /** The REST command a change stands for; the wire name is the lower-case name ({@code create_plan}). */
    enum Op {
        CREATE_PLAN("plan"), UPDATE_PLAN("plan"), RETIRE_PLAN(null), ADD_ASSIGNMENT("assignment"), UPDATE_ASSIGNMENT("assignment"),
        REMOVE_ASSIGNMENT(null);

        /** The field holding the command's body, or null for a command without one (a retirement or removal). */
        final String bodyField;

        Op(String bodyField) {
            this.bodyField = bodyField;
        }

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether {@code field} is named by the change itself (like a URL path id) rather than by the body. */
        boolean namesOutsideBody(String field) {
            return switch (this) {
                case CREATE_PLAN -> false;
                case UPDATE_PLAN, RETIRE_PLAN, ADD_ASSIGNMENT -> "plan_id".equals(field);
                case UPDATE_ASSIGNMENT, REMOVE_ASSIGNMENT -> "plan_id".equals(field) || "assignment_id".equals(field);
            };
        }

        static Op parse(String value, String field) {
            return Arrays.stream(values()).filter(op -> op.wireName().equals(value)).findFirst()
                    .orElseThrow(() -> ProblemException.badParameter(field, "must be one of " + Arrays.stream(values()).map(Op::wireName).toList()
                            + ", was " + value));
        }
    }

    /** Reads {@code changes[index]}; a missing or malformed field is a 400 naming it. */
    static PlanChange parse(int index, JsonNode node) {
        String at = "changes[" + index + "]";
        if (node == null || !node.isObject()) {
            throw ProblemException.badParameter(at, "must be an object with an op");
        }
        JsonNode opNode = node.get("op");
        if (opNode == null || !opNode.isTextual()) {
            throw ProblemException.badParameter(at + ".op", "is required: one of " + Arrays.stream(Op.values()).map(Op::wireName).toList());
        }
        Op op = Op.parse(opNode.asText(), at + ".op");
        UUID planId = op == Op.CREATE_PLAN ? null : id(node, "plan_id", at);
        UUID assignmentId = op == Op.UPDATE_ASSIGNMENT || op == Op.REMOVE_ASSIGNMENT ? id(node, "assignment_id", at) : null;
        byte[] body = null;
        if (op.bodyField != null) {
            JsonNode value = node.get(op.bodyField);
            if (value == null || !value.isObject()) {
                throw ProblemException.badParameter(at + "." + op.bodyField, "is required for " + op.wireName() + ": the body of its REST command");
            }
            String ownId = op == Op.CREATE_PLAN ? "plan_id" : op == Op.ADD_ASSIGNMENT ? "assignment_id" : null;
            if (ownId != null && !value.hasNonNull(ownId)) {
                throw ProblemException.badParameter(at + "." + op.bodyField + "." + ownId,
                        "is required in a preview: publishing the same change must name the same id");
            }
            try {
                body = EventJson.mapper().writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return new PlanChange(index, op, planId, assignmentId, body);
    }

    /** Where a field the command's checks name sits in the request: {@code changes[2].assignment.start_time}. */
    String fieldPath(String field) {
        String at = "changes[" + index + "]";
        if (field == null) {
            return at;
        }
        return op.bodyField == null || op.namesOutsideBody(field) ? at + "." + field : at + "." + op.bodyField + "." + field;
    }

    private static UUID id(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw ProblemException.badParameter(at + "." + field, "is required");
        }
        try {
            return UUID.fromString(value.asText());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(at + "." + field, "must be a UUID, was " + value);
        }
    }
}
