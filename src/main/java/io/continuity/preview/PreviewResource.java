package io.continuity.preview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.continuity.api.Problem;
import io.continuity.api.ProblemException;
import io.continuity.api.Roles;
import io.continuity.api.TimeRange;
import io.continuity.events.CloudEventCodec;
import io.continuity.preview.PreviewViews.WhatIfView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /api/v1/channels/{channelId}/preview}: "what would these plan and assignment changes air?", answered
 * without publishing or storing anything (docs/preview.md). The changes are the bodies of the plan and assignment
 * REST commands, checked as those commands check them.
 */
@Path("/api/v1/channels/{channelId}/preview")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SCHEDULER)
public class PreviewResource {

    static final String EXAMPLE = """
            {"from": "2026-12-08", "days": 2, "changes": [
              {"op": "create_plan", "plan": {"plan_id": "6f0c2a8e-3c1f-4d8e-9a51-6a9f4c0e1b2d", "name": "Christmas", "priority": 20,
               "cron_expression": "* * * * *", "start_date": "2026-12-24", "end_date": "2026-12-26", "is_active": true}},
              {"op": "add_assignment", "plan_id": "6f0c2a8e-3c1f-4d8e-9a51-6a9f4c0e1b2d", "assignment": {
               "assignment_id": "0d7e4b1a-5b6c-4f2e-8f3a-1c2d3e4f5a6b", "start_time": "13:00", "duration": 120, "content_type": "rule",
               "content_reference": {"kind": "movie", "tags": ["christmas"]}}},
              {"op": "remove_assignment", "plan_id": "b3c4d5e6-1111-4222-8333-944455566677",
               "assignment_id": "c4d5e6f7-2222-4333-8444-a55566677788"}]}""";

    private final WhatIfPreview preview;
    private final CloudEventCodec codec;

    public PreviewResource(WhatIfPreview preview, CloudEventCodec codec) {
        this.preview = preview;
        this.codec = codec;
    }

    @POST
    @Operation(summary = "Preview plan and assignment changes on a branch: the resulting days beside the current versions, with a diff;"
            + " nothing is published or stored")
    @APIResponse(responseCode = "200", description = "the previewed days",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WhatIfView.class)))
    @APIResponse(responseCode = "400", description = "a change its REST command would refuse; field names it, e.g. changes[2].assignment.start_time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such channel, or a change names a plan or assignment that does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WhatIfView preview(@PathParam("channelId") UUID channelId, @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "christmas", value = EXAMPLE))) byte[] body) {
        ObjectNode request = codec.parseObject(body);
        return preview.preview(channelId, new WhatIfPreview.Request(from(request), days(request), changes(request)));
    }

    private static LocalDate from(ObjectNode request) {
        JsonNode from = request.get("from");
        return from == null || from.isNull() ? null : TimeRange.date("from", from.asText());
    }

    private static Integer days(ObjectNode request) {
        JsonNode days = request.get("days");
        if (days == null || days.isNull()) {
            return null;
        }
        if (!days.canConvertToExactIntegral() || days.asInt() < 1 || days.asInt() > WhatIfPreview.MAX_DAYS) {
            throw ProblemException.badParameter("days", "must be a whole number of days from 1 to " + WhatIfPreview.MAX_DAYS + ", was " + days);
        }
        return days.asInt();
    }

    private static List<PlanChange> changes(ObjectNode request) {
        JsonNode changes = request.get("changes");
        if (changes == null || changes.isNull()) {
            return List.of();
        }
        if (!changes.isArray()) {
            throw ProblemException.badParameter("changes", "must be an array of changes");
        }
        List<PlanChange> parsed = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            parsed.add(PlanChange.parse(i, changes.get(i)));
        }
        return parsed;
    }
}
