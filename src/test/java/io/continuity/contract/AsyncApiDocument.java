package io.continuity.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads {@code docs/asyncapi.yaml}: every message example (headers, key, payload) and, from the payload schemas,
 * which fields of an example the contract calls optional. A field is optional when its schema lists it under
 * {@code properties} but neither under {@code required} nor as one of the {@code oneOf} alternatives that must be
 * present ("exactly one of asset_uuids or rule"); optional fields are found in nested objects and array items too.
 */
final class AsyncApiDocument {

    static final Path LOCATION = Path.of("docs", "asyncapi.yaml");
    private static final Pattern KEY = Pattern.compile("Kafka key(?: \\(as received\\))?: ([0-9a-f-]{36})");

    /** One documented example of one message. */
    record Example(String message, String ceTypeOrTopic, String name, Map<String, String> headers, String key,
                   JsonNode payload, JsonNode payloadSchema) {

        byte[] payloadBytes() {
            if (payload.isTextual()) {
                return payload.textValue().getBytes(StandardCharsets.UTF_8);
            }
            try {
                return JSON.writeValueAsBytes(payload);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return message + "/" + name;
        }
    }

    /** A field of an example the contract documents as optional: its JSON path and the example without it. */
    record OptionalField(String path, JsonNode payloadWithout) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    static AsyncApiDocument read() throws IOException {
        return new AsyncApiDocument(new ObjectMapper(new YAMLFactory()).readTree(LOCATION.toFile()));
    }

    List<Example> examples() {
        List<Example> examples = new ArrayList<>();
        root.path("components").path("messages").properties().forEach(message -> {
            JsonNode definition = message.getValue();
            for (JsonNode example : definition.path("examples")) {
                Map<String, String> headers = new LinkedHashMap<>();
                example.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
                Matcher key = KEY.matcher(example.path("summary").asText());
                examples.add(new Example(message.getKey(), definition.path("name").asText(), example.path("name").asText(),
                        headers, key.find() ? key.group(1) : null, example.path("payload"), resolve(definition.path("payload"))));
            }
        });
        return examples;
    }

    /** Every optional field present in the example's payload, each removed on its own. */
    List<OptionalField> optionalFields(Example example) {
        List<String> paths = new ArrayList<>();
        collect(example.payloadSchema(), example.payload(), "", paths);
        List<OptionalField> fields = new ArrayList<>();
        for (String path : paths) {
            fields.add(new OptionalField(path, without(example.payload(), path)));
        }
        return fields;
    }

    /** Headers of the envelope schema that are not required. */
    Set<String> optionalHeaders() {
        JsonNode schema = resolve(root.path("components").path("schemas").path("CloudEventsHeaders"));
        Set<String> optional = new HashSet<>();
        schema.path("properties").fieldNames().forEachRemaining(optional::add);
        schema.path("required").forEach(required -> optional.remove(required.asText()));
        return optional;
    }

    private void collect(JsonNode schemaNode, JsonNode value, String path, List<String> paths) {
        JsonNode schema = resolve(schemaNode);
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                collect(schema.get("items"), value.get(i), path + "/" + i, paths);
            }
            return;
        }
        if (!value.isObject() || !schema.has("properties")) {
            return;
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        schema.path("oneOf").forEach(alternative -> alternative.path("required").forEach(r -> required.add(r.asText())));
        value.properties().forEach(field -> {
            JsonNode property = schema.get("properties").get(field.getKey());
            if (property == null) {
                return;
            }
            String fieldPath = path + "/" + field.getKey();
            if (!required.contains(field.getKey())) {
                paths.add(fieldPath);
            }
            collect(property, field.getValue(), fieldPath, paths);
        });
    }

    /** The values the schema at {@code pointer} (a JSON pointer into the document, {@code $ref}s followed) lists as its enum. */
    List<String> enumAt(String pointer) {
        List<String> values = new ArrayList<>();
        resolve(root.at(pointer)).path("enum").forEach(value -> values.add(value.asText()));
        return values;
    }

    /** The schema with {@code $ref}s followed and the properties and required lists of {@code allOf} merged in. */
    private JsonNode resolve(JsonNode schema) {
        JsonNode node = schema;
        while (node.has("$ref")) {
            node = root.at(node.get("$ref").asText().substring(1));
        }
        if (!node.has("allOf")) {
            return node;
        }
        ObjectNode merged = node.deepCopy();
        ObjectNode properties = merged.has("properties") ? (ObjectNode) merged.get("properties") : merged.putObject("properties");
        for (JsonNode part : node.get("allOf")) {
            JsonNode resolved = resolve(part);
            resolved.path("properties").properties().forEach(p -> properties.putIfAbsent(p.getKey(), p.getValue()));
            resolved.path("required").forEach(r -> merged.withArray("required").add(r));
        }
        if (properties.isEmpty()) {
            merged.remove("properties");
        }
        return merged;
    }

    private static JsonNode without(JsonNode payload, String path) {
        JsonNode copy = payload.deepCopy();
        int last = path.lastIndexOf('/');
        ((ObjectNode) copy.at(path.substring(0, last))).remove(path.substring(last + 1));
        return copy;
    }
}
