package org.socialcarebridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The domain's layering, enforced: its packages form no cycle, it knows nothing of Camel, HTTP
 * clients, Jackson or the adapters, and it names no RT custom field or queue (the RT adapter maps
 * the domain's {@code TicketField}s to those).
 */
@AnalyzeClasses(packages = "org.socialcarebridge", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    /*
     * One slice per package, sub-packages included: a coarser slicing (org.socialcarebridge.(*)..)
     * would fold triage.learn and triage.sentiment into one "triage" slice and hide the cycles between
     * a package and its own sub-packages, which are cycles all the same.
     */
    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("org.socialcarebridge.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainKnowsNoAdapter = noClasses().that().resideInAPackage("org.socialcarebridge..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.apache.camel..", "java.net.http..", "org.apache.http..", "org.apache.hc..",
                    "com.fasterxml.jackson..", "org.socialcarebridge.routes..", "org.socialcarebridge.runtime..",
                    "org.socialcarebridge.component..")
            .because("the domain owns its ports; Camel, HTTP and JSON live in camel-routes' adapters");

    @ArchTest
    static final ArchRule domainNamesNoRtField = classes().that().resideInAPackage("org.socialcarebridge..")
            .should(holdNoneOf(rtNames()))
            .because("RT's custom-field and queue names belong to the RT adapter (routes.rt), behind TicketField");

    /*
     * Each package's *Store holds its queries and persistence.Database its transactions, so a service
     * reads as the business and its queries can be read in one place. Nested classes count as their
     * own names: a service's nested class is still the service.
     */
    @ArchTest
    static final ArchRule onlyStoresQuery = noClasses().that().resideInAPackage("org.socialcarebridge..")
            .and().resideOutsideOfPackage("org.socialcarebridge.persistence..")
            .and().haveSimpleNameNotEndingWith("Store")
            .should().dependOnClassesThat().belongToAnyOf(jakarta.persistence.EntityManager.class,
                    jakarta.persistence.TypedQuery.class, jakarta.persistence.Query.class)
            .because("queries live behind each package's *Store (e.g. reply.OutboxStore); services ask their store");

    /**
     * RT's names as the RT extension's initialdata declares them
     * (ui-extension/src/rt/RT-Extension-SocialCare/etc/initialdata): every ticket and transaction custom field,
     * and the queues other than the plain "Social".
     */
    static Set<String> rtNames() {
        Path schema = Path.of("..", "ui-extension", "src", "rt", "RT-Extension-SocialCare", "etc", "initialdata")
                .toAbsolutePath().normalize();
        String perl;
        try {
            perl = Files.readString(schema);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read RT's schema at " + schema
                    + "; run the tests from the plugin-bundle module directory (Maven does)", e);
        }
        Set<String> names = new LinkedHashSet<>();
        Matcher queue = Pattern.compile("Name => '(Social [^']+)', Description => '[^']*(?:alerts|Crises)").matcher(perl);
        while (queue.find()) {
            names.add(queue.group(1));
        }
        int fields = perl.indexOf("my @ticket_fields = (");
        int end = perl.indexOf("our @CustomFields", Math.max(fields, 0));
        if (fields < 0 || end < 0) {
            throw new IllegalStateException(schema + " has no 'my @ticket_fields = (' followed by 'our @CustomFields';"
                    + " has its layout changed? Adjust rtNames() to it");
        }
        Matcher field = Pattern.compile("Name => '([^']+)'").matcher(perl.substring(fields, end));
        while (field.find()) {
            names.add(field.group(1));
        }
        if (names.size() < 20 || !names.contains("Social Category") || !names.contains("Social Ops")) {
            throw new IllegalStateException("Read only " + names + " from " + schema
                    + "; has its layout changed? Adjust rtNames() to it");
        }
        return names;
    }

    /** A class's string constants are in its constant pool as (modified) UTF-8; RT's names are ASCII. */
    static ArchCondition<JavaClass> holdNoneOf(Set<String> names) {
        return new ArchCondition<>("hold no RT name among its string constants") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String constants = constantPool(c);
                for (String name : names) {
                    if (constants.contains(name)) {
                        events.add(SimpleConditionEvent.violated(c, c.getName() + " holds the RT name '" + name
                                + "'; speak TicketField (host port) and let routes.rt.RtGateway map it"));
                    }
                }
            }
        };
    }

    private static String constantPool(JavaClass c) {
        URI uri = c.getSource().orElseThrow(() -> new IllegalStateException("No class file for " + c.getName()))
                .getUri();
        try {
            return new String(Files.readAllBytes(Path.of(uri)), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + uri, e);
        }
    }
}
