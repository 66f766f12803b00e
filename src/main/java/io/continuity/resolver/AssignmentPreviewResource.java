package io.continuity.resolver;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.continuity.api.ProblemException;
import io.continuity.api.Roles;
import io.continuity.api.TimeRange;
import io.continuity.inputs.SchedulePlanBlockAssignmentEntity;
import io.continuity.playlog.PlaylogViews.EventView;
import io.continuity.playlog.PlaylogViews.PreviewView;
import io.continuity.resolver.core.ResolvedDay;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** "What would this assignment resolve to on that day?" — resolved on the spot, nothing stored. */
@RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
@Path("/api/v1/assignments/{assignmentId}/preview")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentPreviewResource {

    private final ChannelResolution resolution;
    private final Clock clock;

    public AssignmentPreviewResource(ChannelResolution resolution, Clock clock) {
        this.resolution = resolution;
        this.clock = clock;
    }

    @GET
    public PreviewView preview(@PathParam("assignmentId") UUID assignmentId, @QueryParam("broadcast_day") String broadcastDay) {
        if (broadcastDay == null) {
            throw ProblemException.badParameter("broadcast_day", "is required (YYYY-MM-DD)");
        }
        SchedulePlanBlockAssignmentEntity assignment = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> SchedulePlanBlockAssignmentEntity.findById(assignmentId));
        if (assignment == null) {
            throw ProblemException.notFound("no assignment " + assignmentId);
        }
        ResolvedDay day = resolution.preview(assignment.channelId, TimeRange.date("broadcast_day", broadcastDay), clock.instant());
        List<EventView> events = day.events().stream().filter(e -> assignmentId.equals(e.assignmentId()))
                .map(e -> EventView.of(e, day.broadcastDay(), null, false, null)).toList();
        List<String> decisions = day.decisions().stream().filter(d -> assignmentId.equals(d.assignmentId()))
                .map(d -> d.kind() + ": " + d.message()).toList();
        return new PreviewView(assignmentId, assignment.channelId, day.broadcastDay(), events, decisions);
    }
}
