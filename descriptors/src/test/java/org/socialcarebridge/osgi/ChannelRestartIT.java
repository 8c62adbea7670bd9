package org.socialcarebridge.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Dictionary;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A changed {@code etc/org.socialcarebridge.network.x.cfg} restarts only X: X's component is activated anew and
 * polls with the new values, while the core (the same service) and Mastodon (the same component instance) run on.
 * No network is reached: both channels poll addresses where nothing listens, and their errors name the address.
 * They poll every second: once in five runs under load, X's first poll after the change came a whole period late
 * (its cause not pinned down), which a 1-minute period turned into a failed wait.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ChannelRestartIT {
    private static final String X = "org.socialcarebridge.runtime.XChannelComponent";
    private static final String MASTODON = "org.socialcarebridge.runtime.MastodonChannelComponent";
    private static final String CORE = "org.socialcarebridge.runtime.SocialCareEngine";

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() {
        String x = "etc/org.socialcarebridge.network.x.cfg";
        String mastodon = "etc/org.socialcarebridge.network.mastodon.cfg";
        return PlainKaraf.with(
                editConfigurationFilePut(x, "baseUrl", "http://127.0.0.1:1"),
                editConfigurationFilePut(x, "bearerToken", "token-for-the-test"),
                editConfigurationFilePut(x, "brandHandle", "acme"),
                editConfigurationFilePut(x, "pollInterval", "1s"),
                editConfigurationFilePut(mastodon, "baseUrl", "http://127.0.0.1:1"),
                editConfigurationFilePut(mastodon, "accessToken", "token-for-the-test"),
                editConfigurationFilePut(mastodon, "pollInterval", "1s"),
                features(PlainKaraf.featuresUrl(), "socialcare-x", "socialcare-mastodon"));
    }

    @Test
    public void aChangedXFileRestartsOnlyX() throws Exception {
        ServiceReference<?> core = PlainKaraf.service(context, CORE);
        Object x = context.getService(PlainKaraf.service(context, X));
        Object mastodon = context.getService(PlainKaraf.service(context, MASTODON));
        PlainKaraf.eventually("X polls http://127.0.0.1:1", () -> xHealthMentions("http://127.0.0.1:1/"));

        org.osgi.service.cm.Configuration file = configAdmin.getConfiguration("org.socialcarebridge.network.x", null);
        Dictionary<String, Object> values = file.getProperties();
        values.put("baseUrl", "http://127.0.0.1:2");
        file.update(values);

        PlainKaraf.eventually("X's component is activated anew", () -> {
            ServiceReference<?> now = context.getServiceReference(X);
            return now != null && context.getService(now) != x ? Boolean.TRUE : null;
        });
        PlainKaraf.eventually("X polls with its new baseUrl", () -> xHealthMentions("http://127.0.0.1:2/"));
        assertEquals("the core was not restarted (the same service)", core.getProperty(Constants.SERVICE_ID),
                PlainKaraf.service(context, CORE).getProperty(Constants.SERVICE_ID));
        assertSame("Mastodon's component was not restarted", mastodon, context.getService(PlainKaraf.service(context, MASTODON)));
    }

    /** The plugin's health board, if X's last error names the address it polled (X's own path: Mastodon's differs). */
    private static Boolean xHealthMentions(String address) {
        try {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + PlainKaraf.HTTP_PORT + "/socialcare/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            return body.contains(address + "2/users/me") ? Boolean.TRUE : null;
        } catch (Exception notYetListening) {
            return null;
        }
    }
}
