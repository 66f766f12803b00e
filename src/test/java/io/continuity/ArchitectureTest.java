package io.continuity;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import io.continuity.playlog.BroadcastPlaylogEventEntity;
import io.continuity.playlog.BroadcastScheduleDayEntity;
import io.continuity.playlog.ScheduleDayWriter;

/**
 * Keeps the dependency direction honest: features → resolver → playlog → core. The resolver core is plain Java, the
 * playlog knows nothing of the resolver's service layer or of the features, and only the playlog writes the playlog
 * tables and says which ScheduleDay version is current.
 *
 * The inputs the resolver reads (channels, plans, assignments, catalog) are entities of {@code inputs}, below the
 * features that write them, so the resolver depends on no feature.
 *
 * <p>The rules are checked from plain JUnit Jupiter tests, so they run (and report) on the JUnit platform the rest of
 * the suite uses, whatever engines surefire discovers.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.continuity");

    private static final String PLAYLOG = "io.continuity.playlog..";
    private static final String[] FEATURES = {"io.continuity.asrun..", "io.continuity.epg..", "io.continuity.override..",
        "io.continuity.plan..", "io.continuity.catalog..", "io.continuity.channel..", "io.continuity.simulator..", "io.continuity.demo..",
        "io.continuity.library..", "io.continuity.playout..", "io.continuity.iptv..", "io.continuity.preview.."};
    private static final Set<String> PLAYLOG_WRITES = Set.of("persist", "persistAndFlush", "delete", "update", "deleteAll", "deleteById");
    private static final Path MAIN_SOURCES = Path.of("src/main/java");
    private static final Path PLAYLOG_SOURCES = MAIN_SOURCES.resolve("io/continuity/playlog");
    private static final Pattern WRITES_PLAYLOG_TABLES = Pattern.compile(
            "(INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|TRUNCATE(\\s+TABLE)?)\\s+(broadcast_playlog_event|broadcast_schedule_day)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CURRENT_VERSION_RULE = Pattern.compile("superseded_?at\\s+is\\s+null", Pattern.CASE_INSENSITIVE);

    private static final ArchRule CORE_IS_PLAIN_JAVA = noClasses().that().resideInAPackage("io.continuity.resolver.core..")
            .should().dependOnClassesThat(resideInAPackage("io.continuity..").and(resideOutsideOfPackage("io.continuity.resolver.core..")))
            .because("the resolver core takes a plan snapshot, a catalog view and history and returns a ScheduleDay, with no framework");

    private static final ArchRule PLAYLOG_DOES_NOT_DEPEND_ON_THE_RESOLVER_SERVICE = noClasses().that().resideInAPackage(PLAYLOG)
            .should().dependOnClassesThat().resideInAPackage("io.continuity.resolver")
            .because("dependencies point one way: resolver → playlog → core");

    private static final ArchRule RESOLVER_DOES_NOT_DEPEND_ON_FEATURES = noClasses().that().resideInAPackage("io.continuity.resolver..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .because("dependencies point one way: features → resolver; the resolver reads its inputs from io.continuity.inputs");

    private static final ArchRule INPUTS_DO_NOT_DEPEND_ON_FEATURES_OR_THE_RESOLVER = noClasses().that().resideInAPackage("io.continuity.inputs..")
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .orShould().dependOnClassesThat().resideInAPackage("io.continuity.resolver")
            .because("the projected inputs sit below the features that write them and the resolver that reads them");

    private static final ArchRule PLAYLOG_DOES_NOT_DEPEND_ON_FEATURES = noClasses().that().resideInAPackage(PLAYLOG)
            .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
            .because("dependencies point one way: features → resolver → playlog");

    private static final ArchRule ONLY_PLAYLOG_CHANGES_PLAYLOG_ENTITIES = noClasses().that().resideOutsideOfPackage(PLAYLOG)
            .should().callMethodWhere(describe("a Panache write of a playlog entity",
                    call -> isPlaylogEntity(call.getTarget()) && PLAYLOG_WRITES.contains(call.getTarget().getName())))
            .orShould().setFieldWhere(describe("a field of a playlog entity", access -> isPlaylogEntity(access.getTarget())))
            .because("ScheduleDayWriter is the one writer of ScheduleDays and playlog events");

    private static final ArchRule VERSIONS_ARE_MADE_BY_RESOLUTION_AND_OVERRIDES = noClasses()
            .that().resideOutsideOfPackages(PLAYLOG, "io.continuity.resolver", "io.continuity.override..")
            .should().callMethodWhere(describe("ScheduleDayWriter.write",
                    call -> call.getTarget().getOwner().isEquivalentTo(ScheduleDayWriter.class) && call.getTarget().getName().equals("write")))
            .because("a new ScheduleDay version comes from a resolution of its inputs or from an override, nothing else");

    @Test
    void coreIsPlainJava() {
        CORE_IS_PLAIN_JAVA.check(MAIN_CLASSES);
    }

    @Test
    void playlogDoesNotDependOnTheResolverService() {
        PLAYLOG_DOES_NOT_DEPEND_ON_THE_RESOLVER_SERVICE.check(MAIN_CLASSES);
    }

    @Test
    void resolverDoesNotDependOnFeatures() {
        RESOLVER_DOES_NOT_DEPEND_ON_FEATURES.check(MAIN_CLASSES);
    }

    @Test
    void inputsDependOnNeitherFeaturesNorTheResolver() {
        INPUTS_DO_NOT_DEPEND_ON_FEATURES_OR_THE_RESOLVER.check(MAIN_CLASSES);
    }

    @Test
    void playlogDoesNotDependOnFeatures() {
        PLAYLOG_DOES_NOT_DEPEND_ON_FEATURES.check(MAIN_CLASSES);
    }

    @Test
    void onlyPlaylogChangesPlaylogEntities() {
        ONLY_PLAYLOG_CHANGES_PLAYLOG_ENTITIES.check(MAIN_CLASSES);
    }

    @Test
    void versionsAreMadeByResolutionAndOverrides() {
        VERSIONS_ARE_MADE_BY_RESOLUTION_AND_OVERRIDES.check(MAIN_CLASSES);
    }

    /** SQL is invisible to the rules above: no source outside the playlog package writes the playlog tables in SQL. */
    @Test
    void onlyPlaylogWritesPlaylogTablesInSql() {
        assertThat(sourcesOutsidePlaylogMatching(WRITES_PLAYLOG_TABLES)).as("sources outside %s writing the playlog tables", PLAYLOG_SOURCES)
                .isEmpty();
    }

    /**
     * "Which version is current" has one home: the views of migration V4 and {@code playlog.CurrentSchedule}. Nobody
     * else spells the rule out again.
     */
    @Test
    void currentVersionRuleIsSpelledOutOnlyInPlaylog() {
        assertThat(sourcesOutsidePlaylogMatching(CURRENT_VERSION_RULE))
                .as("sources outside %s that spell out the current-version rule instead of using CurrentSchedule or the views", PLAYLOG_SOURCES)
                .isEmpty();
    }

    private static boolean isPlaylogEntity(AccessTarget target) {
        return target.getOwner().isAssignableTo(BroadcastScheduleDayEntity.class)
                || target.getOwner().isAssignableTo(BroadcastPlaylogEventEntity.class);
    }

    private static List<Path> sourcesOutsidePlaylogMatching(Pattern pattern) {
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(PLAYLOG_SOURCES))
                    .filter(f -> pattern.matcher(read(f)).find()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
