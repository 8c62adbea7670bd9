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

import org.osgi.framework.InvalidSyntaxException;
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
 * The plugin inside Karaf: reads the {@code etc/org.socialcarebridge.*.cfg} files through Config Admin
 * and runs a {@link SocialCareEngine}; any change to those files restarts it (all state is durable,
 * so a restart loses nothing).
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

    @Activate
    void activate() {
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
        if (event.getPid() != null && event.getPid().startsWith("org.socialcarebridge.")) {
            LOG.info("Social Care Bridge: configuration {} changed; restarting the routes", event.getPid());
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
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Camel, Jetty and Jackson look up classes through the context class loader.
        thread.setContextClassLoader(SocialCareRuntime.class.getClassLoader());
        try {
            engine = SocialCareEngine.start(readConfiguration(), dataDir(), etcDir());
            LOG.info("Social Care Bridge started: routes {}", engine.routeIds());
        } catch (InvalidSettingsException e) {
            LOG.error("Social Care Bridge is not running. {}", String.join(" | ", e.problems().stream().map(Object::toString).toList()));
        } catch (Exception e) {
            LOG.error("Social Care Bridge is not running: {}", e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The running engine, or empty while it is stopped or wrongly configured. */
    java.util.Optional<SocialCareEngine> engine() {
        return java.util.Optional.ofNullable(engine);
    }

    private void stopEngine() {
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
