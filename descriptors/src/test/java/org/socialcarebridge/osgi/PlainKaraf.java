package org.socialcarebridge.osgi;

import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * A plain Apache Karaf 4.4.10, as an administrator has it, for the in-container tests. Every port is one nobody
 * else here uses (ssh 18101, RMI 11099/14444, the plugin's HTTP 18181). Bundles and the settings files come from
 * the assembled distribution's {@code system/} folder used as a Maven repository (what the administrator's guide
 * does), Pax Exam's own bundles from the local Maven repository: nothing is fetched from the network.
 */
final class PlainKaraf {
    static final String HTTP_PORT = "18181";
    /** How long the plugin may take to come up or to restart a channel; a bound, never an assertion. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private PlainKaraf() {
    }

    /** The container's options, then the test's own (settings files written before Karaf starts). */
    static Option[] with(Option... more) {
        String system = new File(System.getProperty("karaf.dist", "target/socialcare-karaf"), "system").toURI().toString();
        String localRepository = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        return OptionUtils.combine(new Option[] {
                karafDistributionConfiguration()
                        .frameworkUrl(maven().groupId("org.apache.karaf").artifactId("apache-karaf").version("4.4.10").type("tar.gz"))
                        .unpackDirectory(new File("target/exam")).useDeployFolder(false),
                keepRuntimeFolder(), // target/exam/<uuid>/data/log/karaf.log explains a container that never came up
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", "18101"),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", "11099"),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", "14444"),
                // Read like Karaf's own system/ folder (no remote repository, no download tracking), Karaf's first.
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                        "${karaf.home.uri}system@id=system.repository@snapshots, " + system + "@id=socialcare@snapshots, "
                                + new File(localRepository).toURI() + "@id=local@snapshots"),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories", ""),
                // Pax Exam sets WARN; the plugin's INFO lines say which channel attached and detached when.
                editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.socialcare.name", "org.socialcarebridge"),
                editConfigurationFilePut("etc/org.ops4j.pax.logging.cfg", "log4j2.logger.socialcare.level", "INFO"),
                // Written before the features install: their <configfile override="false"> keeps it.
                editConfigurationFilePut("etc/org.socialcarebridge.http.cfg", "port", HTTP_PORT),
                systemProperty("socialcare.features").value(featuresUrl()),
        }, more);
    }

    /** Our features file as built (failsafe passes it; a run from the IDE finds it under target/). */
    static String featuresUrl() {
        return System.getProperty("socialcare.features", new File("target/features/features.xml").toURI().toString());
    }

    /** Waits until {@code value} answers non-null, then answers it; fails saying what never came. */
    static <T> T eventually(String what, Supplier<T> value) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            T v = value.get();
            if (v != null) {
                return v;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("within " + PATIENCE.toSeconds() + " s: " + what + " (see the container's data/log/karaf.log)");
    }

    /** The service registered under a class of ours (the bundle exports nothing, so by name), once it is there. */
    static ServiceReference<?> service(BundleContext context, String className) throws InterruptedException {
        return eventually(className + " is registered", () -> context.getServiceReference(className));
    }
}
