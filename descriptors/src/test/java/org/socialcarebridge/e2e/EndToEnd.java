package org.socialcarebridge.e2e;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.socialcarebridge.simulator.mastodon.MastodonSimulator;
import org.socialcarebridge.simulator.meta.MetaSimulator;
import org.socialcarebridge.simulator.x.XSimulator;

/**
 * The end-to-end fixture of one test class: the network simulators with this run's tokens, a fresh
 * Karaf copy with its settings, and this run's RT users. A class registers it as
 * {@code @RegisterExtension static final EndToEnd desk = EndToEnd.karaf("name")...;} and reads what it
 * needs in its {@code @BeforeAll} (from the accessors, or as parameters: {@link Karaf}, {@link XSim},
 * {@link MastodonSim}, {@link MetaSim}, {@link XSimulator}, {@link MastodonSimulator}, {@link MetaSimulator},
 * {@link RtAccounts}).
 * An {@link RtAccounts} parameter makes the users when resolved: a class that provisions RT first asks later.
 * Everything it started is closed after the class's {@code @AfterAll}, also when starting failed half way.
 */
final class EndToEnd implements BeforeAllCallback, AfterAllCallback, ParameterResolver, AutoCloseable {
    /** The ports of the run, here only: RT, the simulators, the plugin's HTTP and Karaf's SSH console. */
    static final int RT_PORT = 8085;
    static final int X_PORT = 8086;
    static final int MASTODON_PORT = 8087;
    static final int META_PORT = 8088;
    /** The Meta simulator's Instagram professional account and WhatsApp Business account and number (fixed ids). */
    static final String INSTAGRAM_ACCOUNT = "17841400000000001";
    static final String WHATSAPP_ACCOUNT = "102000000000001";
    static final String WHATSAPP_NUMBER = "106000000000001";
    static final int KARAF_HTTP_PORT = 8181;
    static final int KARAF_SSH_PORT = 8101;

    static final String BRAND = "acme";
    /** The simulators' rate limits times ten, as every test has run them: bursts stay within a window. */
    static final int RATE_LIMIT_MULTIPLIER = 10;
    /** Conversations the plugin files at a time, and so the REST2 clients of RT's ceiling in the benchmark. */
    static final int FILING_CONCURRENCY = Integer.getInteger("bench.concurrency", 4);

    private final String name;
    private final boolean withKaraf;
    private boolean mastodon;
    private String xIntake = "poll";
    private String xCatchUp = "60s";
    private boolean mastodonStream;
    private boolean facebook;
    private boolean instagramAndWhatsApp;
    private String adminToken;
    private String maxHeap;
    private boolean gcLog;
    private int filingConcurrency;
    private boolean shippedRtTimers;
    private boolean rtThroughProxy;
    private RtProxy rtProxy;
    private boolean startedByTheTest;
    private final String xToken;
    private final String xConsumerSecret;
    private final String mastodonToken;
    private final String metaPageToken;
    private final String metaAppSecret;
    private final String metaVerifyToken;
    private final String whatsappToken;

    private XSimulator xSimulator;
    private MastodonSimulator mastodonSimulator;
    private MetaSimulator metaSimulator;
    private Karaf copy;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    private EndToEnd(String name, boolean karaf) {
        this.name = name;
        this.withKaraf = karaf;
        // Tokens exist from the start so a class may keep them in static final fields next to the extension.
        this.xToken = "it-" + name + "-x-" + UUID.randomUUID();
        this.xConsumerSecret = "it-" + name + "-x-consumer-" + UUID.randomUUID();
        this.mastodonToken = "it-" + name + "-mastodon-" + UUID.randomUUID();
        this.metaPageToken = "it-" + name + "-meta-page-" + UUID.randomUUID();
        // Shaped as Meta's: 32 hex digits.
        this.metaAppSecret = UUID.randomUUID().toString().replace("-", "");
        this.metaVerifyToken = "it-" + name + "-meta-verify-" + UUID.randomUUID();
        this.whatsappToken = "it-" + name + "-whatsapp-" + UUID.randomUUID();
    }

    /** The X simulator and a Karaf copy in target/it/{name}, started before the class's {@code @BeforeAll}. */
    static EndToEnd karaf(String name) {
        return new EndToEnd(name, true);
    }

    /** RT and its users of this run only: no simulator, no Karaf (RT is started by ./socialcare test). */
    static EndToEnd rtOnly() {
        return new EndToEnd("rt", false);
    }

    /** X events by {@code webhook} or {@code stream} rather than polling (the feeds then only catch up). */
    EndToEnd withXIntake(String intake) {
        return withXIntake(intake, "60s");
    }

    /** The same, the feeds read to catch up only every {@code catchUp} (and on every start or reconnect). */
    EndToEnd withXIntake(String intake, String catchUp) {
        xIntake = intake;
        xCatchUp = catchUp;
        return this;
    }

    /** The Mastodon simulator, its notifications read from the streaming API; the catch-up poll only on (re)connect and every 10 minutes. */
    EndToEnd withMastodonStream() {
        mastodonStream = true;
        return withMastodon();
    }

    /** The Mastodon simulator too, and the plugin's Mastodon channel against it. */
    EndToEnd withMastodon() {
        mastodon = true;
        return this;
    }

    /**
     * The Meta simulator too (127.0.0.1:8088, this run's Page token, app secret and verify token, its
     * webhooks to the Karaf copy's {@code /socialcare/webhooks/meta}), and the plugin's Facebook channel
     * and Meta webhook against it.
     */
    EndToEnd withFacebook() {
        facebook = true;
        return this;
    }

    /** The Meta simulator and webhook as {@link #withFacebook}, and the plugin's Instagram and WhatsApp channels too. */
    EndToEnd withInstagramAndWhatsApp() {
        facebook = true;
        instagramAndWhatsApp = true;
        return this;
    }

    /** The plugin's admin API on, with a random token of this run. */
    EndToEnd withAdminToken() {
        adminToken = "it-" + name + "-admin-" + UUID.randomUUID();
        return this;
    }

    /** See {@link Karaf#withMaxHeap}. */
    EndToEnd withMaxHeap(String size) {
        maxHeap = size;
        return this;
    }

    /** See {@link Karaf#withGcLog}. */
    EndToEnd withGcLog() {
        gcLog = true;
        return this;
    }

    /** See {@link Karaf#withFilingConcurrency}. */
    EndToEnd withFilingConcurrency(int concurrency) {
        filingConcurrency = concurrency;
        return this;
    }

    /** See {@link Karaf#withShippedRtTimers}: for the benchmarks. */
    EndToEnd withShippedRtTimers() {
        shippedRtTimers = true;
        return this;
    }

    /** The plugin reaches RT through an {@link RtProxy} (counting, or holding a creation); see {@link #rtProxy()}. */
    EndToEnd withRtProxy() {
        rtThroughProxy = true;
        return this;
    }

    /** The copy is made but not started: the class writes settings or seeds the networks first, then calls start(). */
    EndToEnd startedByTheTest() {
        startedByTheTest = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!withKaraf) {
            return;
        }
        try {
            xSimulator = own(XSimulator.start(X_PORT, BRAND, xToken, xConsumerSecret, RATE_LIMIT_MULTIPLIER));
            if (mastodon) {
                mastodonSimulator = own(MastodonSimulator.start(MASTODON_PORT, BRAND, mastodonToken, RATE_LIMIT_MULTIPLIER));
            }
            if (facebook) {
                metaSimulator = own(MetaSimulator.start(MetaSimulator.Config.defaults().withPort(META_PORT).withPageName(BRAND)
                        .withSecrets(metaPageToken, metaAppSecret, metaVerifyToken).withWhatsAppToken(whatsappToken)
                        .withCallbackUrl(Karaf.META_WEBHOOK)
                        .withRateLimitMultiplier(RATE_LIMIT_MULTIPLIER)));
            }
            copy = Karaf.fresh(name, xSimulator.baseUrl(), xToken);
            if (!xIntake.equals("poll")) {
                copy.withXIntake(xIntake, xSimulator.baseUrl(), xToken, xConsumerSecret, xCatchUp);
            }
            if (mastodonStream) {
                copy.withMastodonStream(mastodonSimulator.baseUrl(), mastodonToken, "10m");
            } else if (mastodon) {
                copy.withMastodon(mastodonSimulator.baseUrl(), mastodonToken);
            }
            if (facebook) {
                copy.withFacebook(metaSimulator.baseUrl(), metaSimulator.pageId(), metaPageToken, metaAppSecret, metaVerifyToken);
            }
            if (instagramAndWhatsApp) {
                copy.withInstagram(metaSimulator.baseUrl(), INSTAGRAM_ACCOUNT, metaSimulator.pageId(), metaPageToken);
                copy.withWhatsApp(metaSimulator.baseUrl(), WHATSAPP_ACCOUNT, WHATSAPP_NUMBER, whatsappToken, "10s");
            }
            if (adminToken != null) {
                copy.withAdminToken(adminToken);
            }
            if (maxHeap != null) {
                copy.withMaxHeap(maxHeap);
            }
            if (gcLog) {
                copy.withGcLog();
            }
            if (filingConcurrency > 0) {
                copy.withFilingConcurrency(filingConcurrency);
            }
            if (shippedRtTimers) {
                copy.withShippedRtTimers();
            }
            if (rtThroughProxy) {
                rtProxy = own(new RtProxy(Rt.URL));
                copy.withRtUrl(rtProxy.url());
            }
            if (!startedByTheTest) {
                copy.start();
            }
        } catch (Exception | Error e) {
            // Closed at once: whatever JUnit does after a failed beforeAll, no port stays taken for the next class.
            closeAll(e);
            throw e;
        }
    }

    /** Outside JUnit (the benchmarks): starts what {@code beforeAll} starts; {@link #close()} stops it. */
    EndToEnd start() throws Exception {
        beforeAll(null);
        return this;
    }

    @Override
    public void close() throws Exception {
        afterAll(null);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Exception first = closeAll(null);
        if (first != null) {
            throw first;
        }
    }

    /** Karaf first, so the plugin stops before what it talks to; then the rest, last started first. */
    private Exception closeAll(Throwable failure) {
        Exception first = null;
        if (copy != null) {
            started.push(copy);
            copy = null;
        }
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        return first;
    }

    private <T extends AutoCloseable> T own(T resource) {
        started.push(resource);
        return resource;
    }

    /** Closes this after Karaf and before the simulators, e.g. a proxy the plugin talks to instead of RT. */
    <T extends AutoCloseable> T alsoClose(T resource) {
        return own(resource);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Karaf.class || type == XSim.class || type == MastodonSim.class || type == MetaSim.class
                || type == XSimulator.class || type == MastodonSimulator.class || type == MetaSimulator.class
                || type == RtAccounts.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        try {
            if (type == Karaf.class) {
                return karaf();
            } else if (type == XSim.class) {
                return x();
            } else if (type == MastodonSim.class) {
                return mastodon();
            } else if (type == MetaSim.class) {
                return meta();
            } else if (type == XSimulator.class) {
                return xSimulator();
            } else if (type == MastodonSimulator.class) {
                return mastodonSimulator();
            } else if (type == MetaSimulator.class) {
                return metaSimulator();
            }
            return accounts();
        } catch (IllegalStateException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    Karaf karaf() {
        return present(copy, "Karaf (EndToEnd.karaf(name))");
    }

    RtProxy rtProxy() {
        return present(rtProxy, "proxy in front of RT (withRtProxy())");
    }

    XSimulator xSimulator() {
        return present(xSimulator, "the X simulator (EndToEnd.karaf(name))");
    }

    MastodonSimulator mastodonSimulator() {
        return present(mastodonSimulator, "the Mastodon simulator (withMastodon())");
    }

    MetaSimulator metaSimulator() {
        return present(metaSimulator, "the Meta simulator (withFacebook())");
    }

    /** A client of the X simulator, as customers and test controls use it. */
    XSim x() {
        return new XSim(xSimulator().baseUrl());
    }

    MastodonSim mastodon() {
        return new MastodonSim(mastodonSimulator().baseUrl());
    }

    /** Customers and test control of the Meta simulator; its Graph calls carry this run's Page token. */
    MetaSim meta() {
        return new MetaSim(metaSimulator().baseUrl(), metaPageToken);
    }

    /** The RT users of this test JVM, made on first use (so a class may provision RT before). */
    RtAccounts accounts() {
        return RtAccounts.ofThisRun();
    }

    String xToken() {
        return xToken;
    }

    /** The X app's consumer secret the simulator answers the CRC and signs webhooks with (random per class). */
    String xConsumerSecret() {
        return xConsumerSecret;
    }

    String mastodonToken() {
        return mastodonToken;
    }

    String metaPageToken() {
        return metaPageToken;
    }

    /** The Meta app secret of this run: a test signs its own deliveries (or forges them) with it. */
    String metaAppSecret() {
        return metaAppSecret;
    }

    String metaVerifyToken() {
        return metaVerifyToken;
    }

    /** The WhatsApp system-user token of this run (the simulator's Cloud API). */
    String whatsappToken() {
        return whatsappToken;
    }

    String adminToken() {
        return present(adminToken, "an admin token (withAdminToken())");
    }

    private static <T> T present(T value, String what) {
        if (value == null) {
            throw new IllegalStateException("This test's EndToEnd has no " + what + ", or asked for it before @BeforeAll");
        }
        return value;
    }
}
