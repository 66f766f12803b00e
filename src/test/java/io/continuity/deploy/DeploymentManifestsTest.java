package io.continuity.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The Kubernetes manifests (deploy/base and each overlay, rendered as kustomize would) parse into the Kubernetes
 * model, and agree with the service: probe paths and port, configuration names, topics, consumer group, and a
 * termination grace period longer than the service's own shutdown.
 */
class DeploymentManifestsTest {

    private static final KubernetesSerialization K8S = new KubernetesSerialization();
    private static final ServiceConfigNames NAMES = ServiceConfigNames.load();
    private static final ServiceTopics TOPICS = new ServiceTopics();
    private static final int HTTP_PORT = 8080;
    private static final int HLS_PORT = 8090;
    private static final String SERVICE = "continuity";
    private static final String PLAYOUT = "continuity-playout";

    @ParameterizedTest
    @ValueSource(strings = {"deploy/base", "deploy/overlays/dev", "deploy/overlays/prod"})
    void everyManifestParsesIntoTheKubernetesModel(String directory) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(directory))) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).toList();
        }
        for (Path file : files) {
            for (var document : Kustomization.read(file)) {
                Object parsed = K8S.unmarshal(document.toString());
                assertThat(parsed).as(file.toString()).isInstanceOf(HasMetadata.class);
            }
        }
        assertThat(render(directory)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/base", "deploy/overlays/dev", "deploy/overlays/prod"})
    void probesPortsAndShutdownMatchTheService(String directory) {
        List<HasMetadata> resources = render(directory);
        PodSpec pod = named(resources, Deployment.class, SERVICE).getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        assertThat(container.getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getContainerPort()).isEqualTo(HTTP_PORT);
            assertThat(p.getName()).isEqualTo("http");
        });
        assertProbe(container.getStartupProbe(), "/q/health/started");
        assertProbe(container.getLivenessProbe(), "/q/health/live");
        assertProbe(container.getReadinessProbe(), "/q/health/ready");
        assertThat(named(resources, Service.class, SERVICE).getSpec().getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("http"));

        long preStop = Long.parseLong(container.getLifecycle().getPreStop().getExec().getCommand().get(1));
        Duration shutdown = Duration.parse("PT" + TOPICS.property("quarkus.shutdown.timeout"));
        assertThat(pod.getTerminationGracePeriodSeconds())
                .as("grace period covers the preStop pause, the shutdown timeout and a margin to exit")
                .isGreaterThanOrEqualTo(preStop + shutdown.toSeconds() + 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/base", "deploy/overlays/dev", "deploy/overlays/prod"})
    void podsRunRestrictedWithLimitsAndAWritableTmpOnly(String directory) {
        for (String name : List.of(SERVICE, PLAYOUT)) {
            assertRestricted(named(render(directory), Deployment.class, name).getSpec().getTemplate().getSpec());
        }
    }

    private static void assertRestricted(PodSpec pod) {
        Container container = pod.getContainers().get(0);
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        var security = container.getSecurityContext();
        assertThat(security.getAllowPrivilegeEscalation()).isFalse();
        assertThat(security.getReadOnlyRootFilesystem()).isTrue();
        assertThat(security.getRunAsNonRoot()).isTrue();
        assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(container.getVolumeMounts()).filteredOn(m -> !Boolean.TRUE.equals(m.getReadOnly()))
                .extracting(m -> m.getMountPath()).containsExactly("/tmp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/base", "deploy/overlays/dev", "deploy/overlays/prod"})
    void everyEnvironmentVariableSetsARealProperty(String directory) {
        List<HasMetadata> resources = render(directory);
        Container container = named(resources, Deployment.class, SERVICE).getSpec().getTemplate().getSpec().getContainers().get(0);
        List<String> variables = new ArrayList<>(container.getEnv().stream().map(EnvVar::getName).toList());
        container.getEnvFrom().forEach(from -> variables.addAll(
                named(resources, ConfigMap.class, from.getConfigMapRef().getName()).getData().keySet()));
        assertThat(variables).contains("CONTINUITY_DB_URL", "CONTINUITY_DB_USER", "CONTINUITY_DB_PASSWORD", "KAFKA_SASL_JAAS_CONFIG",
                "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM");
        assertThat(NAMES.unknown(variables)).isEmpty();

        Map<String, String> config = named(resources, ConfigMap.class, "continuity-config").getData();
        assertThat(config).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL").containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        Map<String, String> secrets = container.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .collect(Collectors.toMap(EnvVar::getName, e -> e.getValueFrom().getSecretKeyRef().getName()));
        String kafkaUser = named(resources, GenericKubernetesResource.class, "continuity").getMetadata().getName();
        assertThat(secrets).containsEntry("CONTINUITY_DB_USER", "continuity-db").containsEntry("CONTINUITY_DB_PASSWORD", "continuity-db")
                .containsEntry("KAFKA_SASL_JAAS_CONFIG", kafkaUser);
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/base", "deploy/overlays/dev", "deploy/overlays/prod"})
    void kafkaTopicsAreEveryServiceTopicWithTheEventLogKeptForever(String directory) {
        List<GenericKubernetesResource> topics = ofKind(render(directory), "KafkaTopic");
        Set<String> names = topics.stream().map(t -> spec(t).get("topicName").toString()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(names).isEqualTo(TOPICS.all());
        assertThat(topics).hasSize(names.size()).allSatisfy(t -> {
            assertThat((Integer) spec(t).get("partitions")).isGreaterThanOrEqualTo(6);
            assertThat((Integer) spec(t).get("replicas")).isGreaterThanOrEqualTo(1);
        });
        Set<String> keptForever = topics.stream().filter(t -> "-1".equals(String.valueOf(config(t).get("retention.ms"))))
                .map(t -> spec(t).get("topicName").toString()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(keptForever).isEqualTo(TOPICS.inputs());
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/base", "deploy/overlays/dev", "deploy/overlays/prod"})
    void kafkaUserMayUseExactlyTheServiceTopicsAndGroup(String directory) {
        GenericKubernetesResource user = named(render(directory), GenericKubernetesResource.class, SERVICE);
        assertThat(((Map<?, ?>) spec(user).get("authentication")).get("type")).isEqualTo("scram-sha-512");
        List<Map<String, Object>> acls = user.get("spec", "authorization", "acls");
        Set<String> topics = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (Map<String, Object> acl : acls) {
            @SuppressWarnings("unchecked")
            Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
            assertThat(resource.get("patternType")).isEqualTo("literal");
            (("topic".equals(resource.get("type"))) ? topics : groups).add(resource.get("name").toString());
        }
        assertThat(topics).isEqualTo(TOPICS.all());
        assertThat(groups).containsExactly(TOPICS.consumerGroup());
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/base", "deploy/overlays/prod"})
    void productionRunsSeveralReplicasWithABudgetAutoscalerAndNetworkPolicy(String directory) {
        List<HasMetadata> resources = render(directory);
        assertThat(named(resources, Deployment.class, SERVICE).getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(one(resources, HorizontalPodAutoscaler.class).getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(one(resources, PodDisruptionBudget.class).getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        NetworkPolicy policy = named(resources, NetworkPolicy.class, SERVICE);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).flatExtracting(r -> r.getPorts()).extracting(p -> p.getPort().getIntVal())
                .containsOnly(HTTP_PORT);
        Set<Integer> egress = policy.getSpec().getEgress().stream().flatMap(r -> r.getPorts().stream()).map(NetworkPolicyPort::getPort)
                .map(p -> p.getIntVal()).collect(Collectors.toSet());
        String bootstrap = named(resources, ConfigMap.class, "continuity-config").getData().get("CONTINUITY_KAFKA_BOOTSTRAP");
        assertThat(egress).containsExactlyInAnyOrder(Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1)), 5432, 443, 53);
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/base", "deploy/overlays/dev", "deploy/overlays/prod"})
    void playoutRunsTheSameImageInPlayoutModeWithTheMediaLibraryAndAnHlsService(String directory) {
        List<HasMetadata> resources = render(directory);
        Deployment playout = named(resources, Deployment.class, PLAYOUT);
        PodSpec pod = playout.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        Container service = named(resources, Deployment.class, SERVICE).getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo(service.getImage());
        assertThat(playout.getSpec().getReplicas()).as("a channel is played by one process").isEqualTo(1);
        assertThat(playout.getSpec().getStrategy().getType()).isEqualTo("Recreate");

        List<String> variables = new ArrayList<>(container.getEnv().stream().map(EnvVar::getName).toList());
        container.getEnvFrom().forEach(from -> variables.addAll(
                named(resources, ConfigMap.class, from.getConfigMapRef().getName()).getData().keySet()));
        assertThat(NAMES.unknown(variables)).isEmpty();
        assertThat(named(resources, ConfigMap.class, "continuity-playout-config").getData()).containsEntry("QUARKUS_PROFILE", "playout");
        assertThat(pod.getContainers().get(0).getEnv()).as("playout uses no database: it gets no credentials for one")
                .extracting(EnvVar::getName).doesNotContain("CONTINUITY_DB_USER", "CONTINUITY_DB_PASSWORD");
        assertThat(container.getEnv()).filteredOn(e -> e.getName().equals("KAFKA_SASL_JAAS_CONFIG")).singleElement()
                .satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo(PLAYOUT));

        assertThat(container.getPorts()).extracting(p -> p.getName() + ":" + p.getContainerPort()).containsExactly("http:" + HTTP_PORT, "hls:" + HLS_PORT);
        assertProbe(container.getReadinessProbe(), "/q/health/ready");
        assertThat(container.getVolumeMounts()).filteredOn(m -> m.getMountPath().equals("/media")).singleElement()
                .satisfies(m -> assertThat(m.getReadOnly()).isTrue());
        String claim = pod.getVolumes().stream().filter(v -> v.getPersistentVolumeClaim() != null).findFirst().orElseThrow()
                .getPersistentVolumeClaim().getClaimName();
        assertThat(named(resources, PersistentVolumeClaim.class, claim).getSpec().getAccessModes()).contains("ReadWriteMany");
        Service hls = named(resources, Service.class, PLAYOUT);
        assertThat(hls.getSpec().getSelector()).isEqualTo(playout.getSpec().getSelector().getMatchLabels());
        assertThat(hls.getSpec().getPorts()).singleElement().satisfies(p -> {
            assertThat(p.getPort()).isEqualTo(HLS_PORT);
            assertThat(p.getTargetPort().getStrVal()).isEqualTo("hls");
        });
        assertThat(named(resources, ConfigMap.class, "continuity-config").getData()).containsKey("CONTINUITY_IPTV_STREAM_BASE_URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/base", "deploy/overlays/dev", "deploy/overlays/prod"})
    void playoutKafkaUserReadsWhatAChannelManagerReadsAndWritesOnlyAsRun(String directory) {
        GenericKubernetesResource user = named(render(directory), GenericKubernetesResource.class, PLAYOUT);
        assertThat(((Map<?, ?>) spec(user).get("authentication")).get("type")).isEqualTo("scram-sha-512");
        List<Map<String, Object>> acls = user.get("spec", "authorization", "acls");
        Map<String, Set<String>> grants = new TreeMap<>();
        for (Map<String, Object> acl : acls) {
            @SuppressWarnings("unchecked")
            Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
            assertThat(resource.get("patternType")).isEqualTo("literal");
            @SuppressWarnings("unchecked")
            List<String> operations = (List<String>) acl.get("operations");
            grants.put(resource.get("type") + " " + resource.get("name"), new TreeSet<>(operations));
        }
        assertThat(grants).isEqualTo(Map.of(
                "topic continuity.playlog", Set.of("Describe", "Read"),
                "topic continuity.overrides", Set.of("Describe", "Read"),
                "topic continuity.catalog-events", Set.of("Describe", "Read"),
                "topic continuity.as-run", Set.of("Describe", "Write"),
                "group continuity-playout", Set.of("Read"),
                "group continuity-playout-catalog", Set.of("Read")));
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    private static List<HasMetadata> render(String directory) {
        return Kustomization.render(Path.of(directory)).stream().map(node -> (HasMetadata) K8S.unmarshal(node.toString())).toList();
    }

    private static <T extends HasMetadata> T one(List<HasMetadata> resources, Class<T> type) {
        List<T> matches = resources.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(matches).as(type.getSimpleName()).hasSize(1);
        return matches.get(0);
    }

    private static <T extends HasMetadata> T named(List<HasMetadata> resources, Class<T> type, String name) {
        return resources.stream().filter(type::isInstance).map(type::cast).filter(r -> name.equals(r.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    private static List<GenericKubernetesResource> ofKind(List<HasMetadata> resources, String kind) {
        return resources.stream().filter(r -> r instanceof GenericKubernetesResource && kind.equals(r.getKind()))
                .map(GenericKubernetesResource.class::cast).toList();
    }

    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return resource.get("spec");
    }

    private static Map<String, Object> config(GenericKubernetesResource resource) {
        return resource.get("spec", "config");
    }
}
