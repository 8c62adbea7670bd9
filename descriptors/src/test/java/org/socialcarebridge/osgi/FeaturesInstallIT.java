package org.socialcarebridge.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The administrator's guide, step by step, in a plain Karaf 4.4.10: {@code feature:repo-add} our features file,
 * {@code feature:install socialcare-x socialcare-mastodon socialcare-facebook socialcare-instagram socialcare-whatsapp}; the bundles start, the DS components are active and
 * the features' settings files land in etc/ (an administrator's own file is kept).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FeaturesInstallIT {
    @Inject
    private BundleContext context;

    @Inject
    private FeaturesService features;

    @Configuration
    public Option[] config() {
        return PlainKaraf.with();
    }

    @Test
    public void channelFeaturesInstallIntoAPlainKaraf() throws Exception {
        features.addRepository(URI.create(System.getProperty("socialcare.features")));   // feature:repo-add
        features.installFeature("socialcare-x");                                          // feature:install
        features.installFeature("socialcare-mastodon");
        features.installFeature("socialcare-facebook");                                   // brings socialcare-meta
        features.installFeature("socialcare-instagram");
        features.installFeature("socialcare-whatsapp");

        Bundle routes = bundle("org.socialcarebridge.routes");
        assertEquals("the camel-routes bundle is active", Bundle.ACTIVE, routes.getState());
        // Each is an immediate DS component offering a service: the service object exists once it is active.
        for (String component : List.of("SocialCareRuntime", "SocialCareEngine", "XChannelComponent", "MastodonChannelComponent",
                "FacebookChannelComponent", "InstagramChannelComponent", "WhatsAppChannelComponent", "MetaWebhookComponent")) {
            String name = "org.socialcarebridge.runtime." + component;
            PlainKaraf.eventually(component + " is active", () -> {
                ServiceReference<?> service = context.getServiceReference(name);
                return service == null ? null : context.getService(service);
            });
        }

        Path etc = Path.of(System.getProperty("karaf.etc"));
        for (String pid : List.of("store", "http", "reply", "followup", "network.x", "network.mastodon",
                "network.meta", "network.facebook", "network.instagram", "network.whatsapp")) {
            assertTrue(pid + "'s settings file is in etc/", Files.isRegularFile(etc.resolve("org.socialcarebridge." + pid + ".cfg")));
        }
        assertFalse("socialcare-rt was not installed, so neither is its file",
                Files.exists(etc.resolve("org.socialcarebridge.host.rt.cfg")));
        assertTrue("override=false kept the administrator's own http file",
                Files.readString(etc.resolve("org.socialcarebridge.http.cfg")).contains(PlainKaraf.HTTP_PORT));
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName + " installed");
    }
}
