package org.socialcarebridge.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.util.function.ThrowingRunnable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.socialcarebridge.settings.InvalidSettingsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin's core inside Karaf: reads the core's {@code etc/org.socialcarebridge.*.cfg} files (store, http,
 * host.rt, reply, followup) through Config Admin, runs the core of a {@link SocialCareEngine} and offers it as
 * a service to the channel components ({@link XChannelComponent}, {@link MastodonChannelComponent},
 * {@link FacebookChannelComponent}, {@link InstagramChannelComponent},
 * {@link WhatsAppChannelComponent}) and to the Meta app's webhook
 * ({@link MetaWebhookComponent}). A change to a core file restarts the core and, through their static
 * reference, the channels; a channel's own file restarts that channel alone. All state is durable, so a restart loses nothing.
 */
@Component(immediate = true, service = {ConfigurationListener.class, SocialCareRuntime.class})
public class SocialCareRuntime implements ConfigurationListener {
    private static final Logger LOG = LoggerFactory.getLogger(SocialCareRuntime.class);
    /** File install writes a changed file in several events; wait for them to settle. */
    private static final long SETTLE_MILLIS = 500;

    @Reference
    private ConfigurationAdmin configAdmin;

    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "socialcare-runtime");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> pending;
    private volatile SocialCareEngine engine;
    private ServiceRegistration<SocialCareEngine> registration;
    private BundleContext bundle;

    @Activate
    void activate(BundleContext bundle) {
        this.bundle = bundle;
        schedule(0);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        restarts.submit(this::stopEngine);
        restarts.shutdown();
        restarts.awaitTermination(30, TimeUnit.SECONDS);
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        // A channel's own file restarts that channel alone: its DS component is re-activated by SCR.
        String pid = event.getPid();
        if (pid != null && pid.startsWith("org.socialcarebridge.") && !pid.startsWith(ChannelAttachment.PID_PREFIX)) {
            LOG.info("Social Care Bridge: configuration {} changed; restarting the core and its channels", pid);
            schedule(SETTLE_MILLIS);
        }
    }

    private synchronized void schedule(long delayMillis) {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = restarts.schedule(this::restart, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void restart() {
        stopEngine();
        try {
            inBundle(() -> {
                SocialCareEngine core = SocialCareEngine.core(readConfiguration(), dataDir(), etcDir());
                engine = core;
                // The channel components attach while it registers, so their routes start with the core's.
                registration = bundle.registerService(SocialCareEngine.class, core, null);
                core.startRoutes();
                LOG.info("Social Care Bridge started: routes {}", core.routeIds());
            });
        } catch (InvalidSettingsException e) {
            LOG.error("Social Care Bridge is not running. {}", String.join(" | ", e.problems().stream().map(Object::toString).toList()));
            stopEngine();
        } catch (Exception e) {
            LOG.error("Social Care Bridge is not running: {}", e.getMessage(), e);
            stopEngine();
        }
    }

    /** Runs with this bundle as the context class loader: Camel, Jetty and Jackson look up classes through it. */
    static void inBundle(ThrowingRunnable<Exception> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SocialCareRuntime.class.getClassLoader());
        try {
            work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The running engine, or empty while it is stopped or wrongly configured. */
    java.util.Optional<SocialCareEngine> engine() {
        return java.util.Optional.ofNullable(engine);
    }

    private void stopEngine() {
        if (registration != null) {
            registration.unregister(); // the channels detach first, from a running core
            registration = null;
        }
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    private Map<String, Map<String, ?>> readConfiguration() throws IOException, InvalidSyntaxException {
        Map<String, Map<String, ?>> config = new HashMap<>();
        Configuration[] all = configAdmin.listConfigurations("(service.pid=org.socialcarebridge.*)");
        if (all != null) {
            for (Configuration c : all) {
                config.put(c.getPid(), toMap(c.getProperties()));
            }
        }
        return config;
    }

    private static Map<String, Object> toMap(Dictionary<String, Object> d) {
        Map<String, Object> m = new HashMap<>();
        if (d != null) {
            for (Enumeration<String> keys = d.keys(); keys.hasMoreElements(); ) {
                String k = keys.nextElement();
                m.put(k, d.get(k));
            }
        }
        return m;
    }

    private static Path dataDir() {
        return Path.of(System.getProperty("karaf.data", "data"));
    }

    private static Path etcDir() {
        return Path.of(System.getProperty("karaf.etc", "etc"));
    }
}
