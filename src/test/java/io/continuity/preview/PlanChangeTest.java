package io.continuity.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.continuity.api.ProblemException;
import io.continuity.events.EventJson;

/** Reading a preview's changes, and naming the field at fault the way the request spells it. */
class PlanChangeTest {

    private static final String PLAN = UUID.randomUUID().toString();
    private static final String ASSIGNMENT = UUID.randomUUID().toString();

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text.replace("PLAN", PLAN).replace("ASSIGNMENT", ASSIGNMENT).replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "{'op': 'create_plan', 'plan': {'plan_id': 'PLAN'}}                                       | plan_id    | changes[3].plan.plan_id",
        "{'op': 'create_plan', 'plan': {'plan_id': 'PLAN'}}                                       | cron_expression | changes[3].plan.cron_expression",
        "{'op': 'update_plan', 'plan_id': 'PLAN', 'plan': {}}                                      | plan_id    | changes[3].plan_id",
        "{'op': 'retire_plan', 'plan_id': 'PLAN'}                                                  | expected_version | changes[3].expected_version",
        "{'op': 'add_assignment', 'plan_id': 'PLAN', 'assignment': {'assignment_id': 'ASSIGNMENT'}} | start_time | changes[3].assignment.start_time",
        "{'op': 'add_assignment', 'plan_id': 'PLAN', 'assignment': {'assignment_id': 'ASSIGNMENT'}} | assignment_id | changes[3].assignment.assignment_id",
        "{'op': 'update_assignment', 'plan_id': 'PLAN', 'assignment_id': 'ASSIGNMENT', 'assignment': {}} | assignment_id | changes[3].assignment_id",
        "{'op': 'update_assignment', 'plan_id': 'PLAN', 'assignment_id': 'ASSIGNMENT', 'assignment': {}} | duration | changes[3].assignment.duration",
        "{'op': 'remove_assignment', 'plan_id': 'PLAN', 'assignment_id': 'ASSIGNMENT'}            | assignment_id | changes[3].assignment_id"})
    void aFieldIsNamedWhereTheRequestHoldsIt(String change, String field, String path) {
        assertThat(PlanChange.parse(3, json(change)).fieldPath(field)).isEqualTo(path);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{'op': 'rename_plan'}                                                      | changes[1].op",
        "{'plan_id': 'PLAN'}                                                        | changes[1].op",
        "{'op': 'create_plan', 'plan': {'name': 'no id'}}                           | changes[1].plan.plan_id",
        "{'op': 'create_plan'}                                                      | changes[1].plan",
        "{'op': 'update_plan', 'plan': {}}                                          | changes[1].plan_id",
        "{'op': 'remove_assignment', 'plan_id': 'PLAN', 'assignment_id': 'nope'}    | changes[1].assignment_id",
        "{'op': 'add_assignment', 'plan_id': 'PLAN', 'assignment': {'start_time': '14:00'}} | changes[1].assignment.assignment_id",
        "[1, 2]                                                                      | changes[1]"})
    void aMalformedChangeIsRefusedNamingTheField(String change, String field) {
        assertThatThrownBy(() -> PlanChange.parse(1, json(change))).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
