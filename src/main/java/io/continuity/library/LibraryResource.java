package io.continuity.library;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.continuity.api.ProblemException;
import io.continuity.api.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The media-library importer over REST: {@code POST /api/v1/library/scans} scans the configured folders now and answers
 * with the scan report once it is done ({@code ?dry_run=true}: only what would be published); {@code bin/library-scan}
 * is its command-line form. {@code GET /api/v1/library/scans/latest} is the last report of this replica.
 */
@Path("/api/v1/library/scans")
@Produces(MediaType.APPLICATION_JSON)
public class LibraryResource {

    private final LibraryService library;

    public LibraryResource(LibraryService library) {
        this.library = library;
    }

    @POST
    @RolesAllowed(Roles.SCHEDULER)
    @Operation(summary = "Scan the media library now; 409 while another scan runs or when no folder is configured")
    public ScanReport scan(@QueryParam("dry_run") @DefaultValue("false") String dryRunParameter) {
        if (!dryRunParameter.equals("true") && !dryRunParameter.equals("false")) {
            throw ProblemException.badParameter("dry_run", "must be true or false");
        }
        boolean dryRun = Boolean.parseBoolean(dryRunParameter);
        try {
            return library.scan(dryRun);
        } catch (LibraryService.ScanInProgress | LibraryService.NoLibrary e) {
            throw new ProblemException(409, "Conflict", "library_unavailable", null, e.getMessage());
        }
    }

    @GET
    @Path("/latest")
    @RolesAllowed({Roles.VIEWER, Roles.SCHEDULER})
    @Operation(summary = "The report of the last library scan run by this replica")
    public ScanReport latest() {
        return library.last().orElseThrow(() -> ProblemException.notFound("no library scan has run since this replica started"));
    }
}
