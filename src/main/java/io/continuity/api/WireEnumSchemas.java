package io.continuity.api;

import java.util.ArrayList;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.continuity.events.WireEnums;

/**
 * Lists the core's enums in the OpenAPI document under their wire names ({@code series}, {@code least-recently-used}).
 * The document is scanned from the classes, which know only the Java names; the JSON mappers use {@link WireEnums}, so
 * without this filter the document would show values the API refuses.
 */
public class WireEnumSchemas implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        for (Class<? extends Enum<?>> type : WireEnums.TYPES) {
            Schema schema = schemas.get(type.getSimpleName());
            if (schema != null) {
                schema.setEnumeration(new ArrayList<>(WireEnums.names(type)));
            }
        }
    }
}
