package io.continuity.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.continuity.config.ContinuityConfig;
import io.continuity.iptv.IptvConfig;
import io.continuity.playout.PlayoutConfig;
import io.continuity.simulator.SimulatorConfig;
import io.smallrye.config.ConfigMappings;

/**
 * Decides whether an environment variable given to the service (docker-compose.yml, the Kubernetes manifests) sets
 * one of its real configuration properties, so that a misspelt variable fails a test instead of being silently
 * ignored at run time. An environment variable {@code FOO_BAR_BAZ} sets a property when the property's MicroProfile
 * environment form (every character other than a letter or digit replaced by {@code _}, upper-cased) equals it.
 *
 * <p>The properties the service knows are:
 * <ul>
 * <li>the run-time properties of every Quarkus extension on the class path, read from the configuration model each
 * extension ships ({@code META-INF/quarkus-config-doc/quarkus-config-model.json}); build-time properties are refused,
 * since setting them on a built image does nothing;</li>
 * <li>Continuity's own {@code @ConfigMapping}s ({@link ContinuityConfig}, {@link SimulatorConfig}, {@link IptvConfig});</li>
 * <li>every key of {@code application.properties} (any profile), and every variable its values reference as
 * {@code ${NAME:default}};</li>
 * <li>{@code kafka.*}, which Quarkus hands to every Kafka client: the rest must be a Kafka client setting;</li>
 * <li>the MicroProfile JWT verification keys ({@code mp.jwt.*}).</li>
 * </ul>
 */
final class ServiceConfigNames {

    /** MicroProfile JWT 2.1, section "Configuration": the keys an implementation must accept. */
    private static final List<String> MP_JWT_KEYS = List.of("mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location",
            "mp.jwt.verify.publickey.algorithm", "mp.jwt.verify.issuer", "mp.jwt.verify.audiences", "mp.jwt.verify.clock.skew",
            "mp.jwt.verify.token.age", "mp.jwt.token.header", "mp.jwt.token.cookie", "mp.jwt.decrypt.key.location",
            "mp.jwt.decrypt.key.algorithm");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)");
    private static final Pattern PROFILE = Pattern.compile("^%[^.]+\\.");
    private static final Pattern MAP_KEY = Pattern.compile("\"[^\"]*\"");

    private final Map<String, String> exact = new LinkedHashMap<>();
    private final Map<Pattern, String> patterns = new LinkedHashMap<>();
    private final Set<String> buildTimeOnly = new HashSet<>();
    private final Set<String> kafkaClientKeys = new HashSet<>();

    private ServiceConfigNames() {
    }

    static ServiceConfigNames load() {
        ServiceConfigNames names = new ServiceConfigNames();
        names.addQuarkusModels();
        names.addMapping(ContinuityConfig.class, "continuity");
        names.addMapping(SimulatorConfig.class, "continuity.simulator");
        names.addMapping(IptvConfig.class, "continuity.iptv");
        names.addMapping(PlayoutConfig.class, "continuity.playout");
        names.addApplicationProperties();
        MP_JWT_KEYS.forEach(names::add);
        names.kafkaClientKeys.addAll(ConsumerConfig.configNames());
        names.kafkaClientKeys.addAll(ProducerConfig.configNames());
        names.kafkaClientKeys.addAll(AdminClientConfig.configNames());
        return names;
    }

    /** The MicroProfile environment-variable form of a property name. */
    static String envName(String property) {
        StringBuilder out = new StringBuilder(property.length());
        for (char c : property.toCharArray()) {
            out.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return out.toString();
    }

    /** The property an environment variable sets, or empty when the service would ignore it. */
    Optional<String> propertyOf(String variable) {
        if (buildTimeOnly.contains(variable)) {
            return Optional.empty();
        }
        if (exact.containsKey(variable)) {
            return Optional.of(exact.get(variable));
        }
        for (Map.Entry<Pattern, String> p : patterns.entrySet()) {
            if (p.getKey().matcher(variable).matches()) {
                return Optional.of(p.getValue());
            }
        }
        if (variable.startsWith("KAFKA_")) {
            return kafkaClientKeys.stream().filter(k -> envName("kafka." + k).equals(variable)).findFirst().map(k -> "kafka." + k);
        }
        return Optional.empty();
    }

    /** The variables among {@code variables} that set no property of the service. */
    List<String> unknown(Iterable<String> variables) {
        List<String> unknown = new ArrayList<>();
        variables.forEach(v -> {
            if (propertyOf(v).isEmpty()) {
                unknown.add(v);
            }
        });
        return Collections.unmodifiableList(unknown);
    }

    private void add(String property) {
        exact.putIfAbsent(envName(property), property);
    }

    private void addMapping(Class<?> mapping, String prefix) {
        ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(mapping, prefix)).keySet().forEach(this::add);
    }

    private void addApplicationProperties() {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.stringPropertyNames().forEach(key -> {
            String property = PROFILE.matcher(key).replaceFirst("");
            if (!buildTimeOnly.contains(envName(property))) {
                add(property);
            }
            Matcher reference = REFERENCE.matcher(properties.getProperty(key));
            while (reference.find()) {
                exact.putIfAbsent(reference.group(1), reference.group(1));
            }
        });
    }

    private void addQuarkusModels() {
        ObjectMapper json = new ObjectMapper();
        try {
            for (URL model : Collections.list(getClass().getClassLoader().getResources("META-INF/quarkus-config-doc/quarkus-config-model.json"))) {
                try (InputStream in = model.openStream()) {
                    json.readTree(in).path("configRoots").forEach(root -> addItems(root.path("items")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addItems(JsonNode items) {
        for (JsonNode item : items) {
            if (item.has("items")) {
                addItems(item.path("items"));
                continue;
            }
            String property = item.path("path").path("property").asText();
            if (!"RUN_TIME".equals(item.path("phase").asText())) {
                buildTimeOnly.add(envName(property));
            } else if (MAP_KEY.matcher(property).find()) {
                patterns.put(mapPattern(property), property);
            } else {
                add(property);
            }
        }
    }

    /** {@code quarkus.log.category."categories".level} matches {@code QUARKUS_LOG_CATEGORY__ANY_THING__LEVEL}. */
    private static Pattern mapPattern(String property) {
        StringBuilder regex = new StringBuilder();
        Matcher key = MAP_KEY.matcher(property);
        int last = 0;
        while (key.find()) {
            regex.append(Pattern.quote(envName(property.substring(last, key.start())))).append("_[A-Z0-9_]+_");
            last = key.end();
        }
        regex.append(Pattern.quote(envName(property.substring(last))));
        return Pattern.compile(regex.toString());
    }
}
