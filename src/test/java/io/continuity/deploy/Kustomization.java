package io.continuity.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Renders a kustomization directory the way {@code kubectl kustomize} does, for the features deploy/ uses
 * ({@code resources}, {@code namespace}, {@code replicas}, {@code images}, and {@code patches} with a target that are
 * either strategic-merge patches — maps merged, lists of named items merged by name, {@code $patch: delete} — or
 * JSON 6902 operations {@code test}, {@code replace}, {@code add}, {@code remove}). Anything else in a kustomization
 * fails the rendering, so a feature added to the manifests is noticed here rather than skipped. kubectl is not part of
 * the build, which is why the tests render the overlays themselves.
 */
final class Kustomization {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> SUPPORTED = List.of("apiVersion", "kind", "resources", "namespace", "replicas", "images", "patches",
            "labels");

    private Kustomization() {
    }

    /** Every resource the directory's kustomization.yaml produces, as YAML trees. */
    static List<ObjectNode> render(Path directory) {
        JsonNode kustomization = read(directory.resolve("kustomization.yaml")).get(0);
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalStateException(directory + ": kustomization field '" + field + "' is not rendered by this test helper");
            }
        });
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = directory.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(render(path));
            } else {
                read(path).forEach(node -> resources.add((ObjectNode) node));
            }
        }
        kustomization.path("labels").forEach(label -> resources.forEach(r ->
                label.path("pairs").fields().forEachRemaining(pair -> r.with("metadata").with("labels").set(pair.getKey(), pair.getValue()))));
        kustomization.path("patches").forEach(patch -> applyPatch(resources, patch));
        kustomization.path("replicas").forEach(r -> find(resources, "Deployment", r.path("name").asText()).with("spec")
                .set("replicas", r.path("count")));
        kustomization.path("images").forEach(image -> setImages(resources, image));
        if (kustomization.has("namespace")) {
            resources.forEach(r -> r.with("metadata").put("namespace", kustomization.path("namespace").asText()));
        }
        return resources;
    }

    static List<JsonNode> read(Path file) {
        try {
            List<JsonNode> documents = new ArrayList<>();
            YAML.readerFor(JsonNode.class).readValues(Files.readString(file)).forEachRemaining(d -> {
                if (d instanceof ObjectNode) {
                    documents.add((JsonNode) d);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void applyPatch(List<ObjectNode> resources, JsonNode patch) {
        ObjectNode target = find(resources, patch.path("target").path("kind").asText(), patch.path("target").path("name").asText());
        JsonNode body;
        try {
            body = YAML.readTree(patch.path("patch").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.isArray()) {
            body.forEach(op -> applyOperation(target, op));
        } else if ("delete".equals(body.path("$patch").asText())) {
            resources.remove(target);
        } else {
            merge(target, body);
        }
    }

    private static void applyOperation(ObjectNode target, JsonNode op) {
        JsonPointer path = JsonPointer.compile(op.path("path").asText());
        JsonNode parent = target.at(path.head());
        String last = path.last().getMatchingProperty();
        switch (op.path("op").asText()) {
            case "test" -> {
                if (!target.at(path).equals(op.path("value"))) {
                    throw new IllegalStateException("JSON patch test failed at " + path + ": " + target.at(path));
                }
            }
            case "replace", "add" -> {
                if (target.at(path).isMissingNode() && "replace".equals(op.path("op").asText())) {
                    throw new IllegalStateException("JSON patch replace of a missing path " + path);
                }
                if (parent instanceof ArrayNode array) {
                    array.set(Integer.parseInt(last), op.path("value"));
                } else {
                    ((ObjectNode) parent).set(last, op.path("value"));
                }
            }
            case "remove" -> {
                if (parent instanceof ArrayNode array) {
                    array.remove(Integer.parseInt(last));
                } else {
                    ((ObjectNode) parent).remove(last);
                }
            }
            default -> throw new IllegalStateException("unsupported JSON patch op " + op);
        }
    }

    /** Strategic merge: maps merge, lists whose items have a name merge item by item, other values replace. */
    private static void merge(ObjectNode target, JsonNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
            } else if (existing instanceof ArrayNode array && field.getValue().isArray() && field.getValue().path(0).has("name")) {
                for (JsonNode item : field.getValue()) {
                    ObjectNode match = null;
                    for (JsonNode candidate : array) {
                        if (candidate.path("name").equals(item.path("name"))) {
                            match = (ObjectNode) candidate;
                        }
                    }
                    if (match == null) {
                        array.add(item);
                    } else {
                        merge(match, item);
                    }
                }
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void setImages(List<ObjectNode> resources, JsonNode image) {
        String name = image.path("name").asText();
        resources.stream().filter(r -> "Deployment".equals(r.path("kind").asText())).forEach(d -> {
            for (JsonNode container : d.path("spec").path("template").path("spec").path("containers")) {
                String current = container.path("image").asText();
                if (current.equals(name) || current.startsWith(name + ":")) {
                    String repository = image.path("newName").asText(name);
                    ((ObjectNode) container).put("image", image.has("newTag") ? repository + ":" + image.path("newTag").asText() : repository);
                }
            }
        });
    }

    private static ObjectNode find(List<ObjectNode> resources, String kind, String name) {
        return resources.stream().filter(r -> kind.equals(r.path("kind").asText()) && name.equals(r.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + kind + " named " + name));
    }
}
