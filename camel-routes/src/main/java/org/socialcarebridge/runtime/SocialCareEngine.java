package org.socialcarebridge.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.impl.DefaultCamelContext;
import org.socialcarebridge.conversation.AfterCare;
import org.socialcarebridge.intake.DeadLetterAlert;
import org.socialcarebridge.conversation.DeadLetters;
import org.socialcarebridge.conversation.FilteredMessages;
import org.socialcarebridge.intake.Intake;
import org.socialcarebridge.customer.Customers;
import org.socialcarebridge.conversation.LedgerState;
import org.socialcarebridge.conversation.LedgerStore;
import org.socialcarebridge.channel.Channels;
import org.socialcarebridge.channel.Network;
import org.socialcarebridge.channel.Channel;
import org.socialcarebridge.component.webhook.MetaWebhookSettings;
import org.socialcarebridge.component.webhook.WebhookDispatch;
import org.socialcarebridge.component.webhook.WebhookObjectHandler;
import org.socialcarebridge.component.webhook.WebhookRoutes;
import org.socialcarebridge.followup.FollowUpPolicy;
import org.socialcarebridge.followup.FollowUps;
import org.socialcarebridge.health.ChannelWatch;
import org.socialcarebridge.health.Health;
import org.socialcarebridge.host.HostGateway;
import org.socialcarebridge.metrics.MetricsPublisher;
import org.socialcarebridge.channel.NetworkClient;
import org.socialcarebridge.persistence.Database;
import org.socialcarebridge.persistence.StoreSettings;
import org.socialcarebridge.reply.AgentGroups;
import org.socialcarebridge.reply.Outbox;
import org.socialcarebridge.reply.ReplyApproval;
import org.socialcarebridge.moderation.CommentModeration;
import org.socialcarebridge.reply.ReplyApprovals;
import org.socialcarebridge.reply.ReplyWindows;
import org.socialcarebridge.reply.ReplyPolicy;
import org.socialcarebridge.delivery.RetrySchedule;
import org.socialcarebridge.routes.deadletter.DeadLetterRoutes;
import org.socialcarebridge.routes.followup.FollowUpRoutes;
import org.socialcarebridge.routes.health.Heartbeats;
import org.socialcarebridge.routes.health.HealthRoutes;
import org.socialcarebridge.routes.http.AdminToken;
import org.socialcarebridge.routes.triage.TriageRoutes;
import org.socialcarebridge.routes.http.HttpCall;
import org.socialcarebridge.routes.intake.IntakeRoutes;
import org.socialcarebridge.routes.metrics.MetricsRoutes;
import org.socialcarebridge.routes.rt.ModerationRoutes;
import org.socialcarebridge.routes.rt.ReplyWindowRoutes;
import org.socialcarebridge.routes.rt.RtGateway;
import org.socialcarebridge.routes.rt.RtReplyReconciler;
import org.socialcarebridge.routes.rt.RtRoutes;
import org.socialcarebridge.routes.rt.RtSettings;
import org.socialcarebridge.routes.customer.CustomerLinkRoutes;
import org.socialcarebridge.settings.InvalidSettingsException;
import org.socialcarebridge.triage.engine.Triage;
import org.socialcarebridge.triage.engine.TriageTraining;
import org.socialcarebridge.triage.learn.TextModel;
import org.socialcarebridge.triage.rules.RulesFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the domain to Camel from the configuration files' values, one route set per channel. A
 * channel with wrong settings is not started and says why in one log line and on the health
 * endpoint; the others run. Used by the OSGi component and, outside OSGi, by tests.
 */
public final class SocialCareEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SocialCareEngine.class);
    /**
     * The core's configuration files; with the channels' ({@link ChannelAttachment#PID_PREFIX}), every file the
     * plugin reads: any other org.socialcarebridge.* file is a mistake.
     */
    public static final Set<String> PIDS = Set.of(StoreSettings.PID, HttpSettings.PID, RtSettings.PID,
            ReplySettings.PID, FollowUpSettings.PID);

    /** The administrator's triage rules, beside the configuration files (etc/socialcare-triage.yaml). */
    public static final String RULES_FILE = "socialcare-triage.yaml";

    private final Health health = new Health();
    private final CamelContext camel;
    private final Database db;
    private Customers customers;
    private Triage triage;
    private TriageTraining training;
    private FilteredMessages filtered;
    private DeadLetters deadLetters;

    private final ObjectMapper json;
    private final Clock clock;
    /** The running channels' clients, read by the outbox and the follow-ups at delivery time. */
    private final Map<Network, NetworkClient> networks = new ConcurrentHashMap<>();
    /**
     * What each network allows, asked by replies and triage: the descriptions the channels handed as they
     * declared themselves, kept when a channel detaches (a reply to its network waits for it).
     */
    private final Channels channels = Channels.none();
    private final Map<String, Attachment> attached = new HashMap<>();
    private RulesFile rulesFile;
    /** The reply settings' values, checked again against the channels once they have declared themselves. */
    private Map<String, ?> replyValues = Map.of();
    private volatile boolean started;
    private HttpCall http;
    private Intake intake;
    /** Where channels hand the network's receipts for what was sent (WhatsApp's statuses). */
    private org.socialcarebridge.delivery.DeliveryReceipts receipts;
    /** Where channels keep the agents' choice of approved templates equal to the network's. */
    private org.socialcarebridge.host.TemplateChoices templateChoices;
    /** Where the core's HTTP routes listen, e.g. {@code jetty:http://127.0.0.1:8181/socialcare}. */
    private String baseUri;
    /**
     * The Meta webhook's handler: the core's, as the webhook is the Meta app's and outlives any channel;
     * channels take their Meta objects on it as they attach ({@code page}: Facebook).
     */
    private WebhookDispatch metaWebhook;
    /** The route serving the Meta webhook while its settings are valid; null while it is not served. */
    private String metaWebhookRoute;

    /** What a channel added to the core: its network's client, its routes and the Meta objects it takes. */
    private record Attachment(Network network, List<String> routeIds, Map<String, WebhookObjectHandler> metaObjects) {
    }

    private SocialCareEngine(CamelContext camel, Database db, ObjectMapper json, Clock clock) {
        this.camel = camel;
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The core and, from their files' values, the channels, started together (outside OSGi: tests and tools;
     * inside Karaf each channel is its own DS component attached to the running core). The channels are those
     * this bundle lists in {@code META-INF/services/org.socialcarebridge.runtime.ChannelAttachment}; as in Karaf,
     * a channel without its file has none.
     *
     * @param config  each PID's values (a missing PID is an empty map)
     * @param dataDir where the embedded database lives by default
     * @param etcDir  where the configuration files and the triage rules file live
     */
    public static SocialCareEngine start(Map<String, Map<String, ?>> config, Path dataDir, Path etcDir) throws Exception {
        SocialCareEngine engine = core(config, dataDir, etcDir);
        try {
            for (ChannelAttachment<?> channel : ServiceLoader.load(ChannelAttachment.class,
                    SocialCareEngine.class.getClassLoader())) {
                if (config.containsKey(channel.pid())) {
                    channel.attach(engine, config.get(channel.pid()));
                }
            }
            if (config.containsKey(MetaWebhookSettings.PID)) {
                engine.serveMetaWebhook(config.get(MetaWebhookSettings.PID));
            }
            engine.startRoutes();
        } catch (Exception e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    /**
     * The core alone (database, domain services, host, HTTP/admin/health routes), its routes not started yet:
     * channels attached before {@link #startRoutes()} start with it, so no reply waits for a channel that is
     * merely late.
     */
    public static SocialCareEngine core(Map<String, Map<String, ?>> config, Path dataDir, Path etcDir) throws Exception {
        HttpSettings httpSettings = HttpSettings.from(valuesOf(config, HttpSettings.PID));
        Database db = Database.open(StoreSettings.from(valuesOf(config, StoreSettings.PID), dataDir));

        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("socialcare");
        camel.setApplicationContextClassLoader(SocialCareEngine.class.getClassLoader());
        SocialCareEngine engine = new SocialCareEngine(camel, db, new ObjectMapper(), Clock.systemUTC());
        try {
            engine.assemble(config, httpSettings, etcDir);
        } catch (Exception e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    /**
     * Starts the core's routes and those of the channels attached so far; later channels start as they attach.
     * The settings read before the channels declared themselves are checked against them now.
     */
    public void startRoutes() throws Exception {
        camel.start();
        started = true;
        checkAgainstChannels();
    }

    private void assemble(Map<String, Map<String, ?>> config, HttpSettings httpSettings, Path etcDir) throws Exception {
        http = new HttpCall(camel);
        baseUri = httpSettings.baseUri();
        camel.addRoutePolicyFactory(new Heartbeats(health, clock)); // before any route: each timer is watched
        camel.addRoutes(new HealthRoutes(httpSettings.baseUri(), health, json));
        for (String pid : config.keySet()) {
            if (pid.startsWith("org.socialcarebridge.") && !PIDS.contains(pid) && !pid.startsWith(ChannelAttachment.PID_PREFIX)) {
                LOG.error("Social Care Bridge: etc/{}.cfg is not a file the plugin reads; rename it to one of {} or {}<network>",
                        pid, PIDS, ChannelAttachment.PID_PREFIX);
            }
        }

        RtSettings rt = channelSettings("rt", () -> RtSettings.from(valuesOf(config, RtSettings.PID)));
        HostGateway host = rt != null ? new RtGateway(http, rt, json) : new UnconfiguredHost();
        // The channels declare themselves after the core is built: until one has, a network condition cannot be
        // checked, and a file is not refused for a channel that is merely late (each declaration re-reads it).
        rulesFile = new RulesFile(etcDir.resolve(RULES_FILE),
                () -> channels.all().isEmpty() ? null : channels.networks());
        TextModel model = new TextModel();
        training = new TriageTraining(db, model, clock);
        int restored = training.restore();
        if (restored > 0) {
            LOG.info("Triage relearnt {} labelled messages (agents' corrections and imports)", restored);
        }
        triage = new Triage(rulesFile::current, model);
        filtered = new FilteredMessages(db);
        ReplySettings replies = channelSettings("replies",
                () -> ReplySettings.from(valuesOf(config, ReplySettings.PID), channels));
        replyValues = replies != null ? valuesOf(config, ReplySettings.PID) : Map.of(); // wrong ones are said already
        ReplyPolicy replyPolicy = replies != null ? replies.policy() : new ReplyPolicy(channels);
        FollowUpPolicy followUpPolicy = channelSettings("followups",
                () -> FollowUpSettings.from(valuesOf(config, FollowUpSettings.PID)));
        FollowUps followUps = rt != null && followUpPolicy != null && replies != null
                ? new FollowUps(db, host, host, networks, replyPolicy, followUpPolicy, RetrySchedule.standard(), clock) : null;
        intake = new Intake(db, host, host, Set.of(), rt != null ? rt.reopenWindow() : java.time.Duration.ofDays(7), triage,
                followUps != null ? followUps : AfterCare.NONE, channels, clock);
        if (rt != null) {
            intake.fileAtPace(new org.socialcarebridge.intake.FilingPace(rt.filingConcurrency(),
                    org.socialcarebridge.intake.FilingPace.SLOW_AFTER, clock));
        }
        health.gauge("filingConcurrency", () -> Map.of("now", intake.pace().current(), "setting", intake.pace().ceiling()));
        intake.settleCustomers(); // conversations stored before the customer was kept apart from who wrote last
        metaWebhook = new WebhookDispatch(intake, json);
        camel.addRoutes(new IntakeRoutes(intake)); // every network's messages arrive at direct:intake
        camel.addRoutes(new TriageRoutes(httpSettings.baseUri(), rulesFile, channels, health.channel("triage-rules"), triage, filtered,
                training, db, rt != null ? host : null, rt != null ? host : null,
                rt != null ? rt.reconcileInterval() : java.time.Duration.ofSeconds(15),
                new AdminToken(httpSettings.adminToken(), json), json, clock));
        health.gauge("filteredAsNoise", filtered::count);
        health.gauge("triageLabels", training::labels);
        customers = new Customers(db, host, clock);
        camel.addRoutes(new CustomerLinkRoutes(httpSettings.baseUri(), customers, httpSettings.adminToken(), json));
        // Wrong reply settings stop delivery (RtRoutes), so the groups then only need to be safe, not right.
        Outbox outbox = new Outbox(db, host, host, host, networks, replyPolicy, RetrySchedule.standard(),
                new ReplyApproval(replies != null ? replies.spotCheckPercent() : 100),
                replies != null ? replies.agentGroups() : AgentGroups.DEFAULT, clock);
        // A follow-up's id is no reply's; a receipt that beat its send's answer waits until the post is recorded.
        org.socialcarebridge.delivery.EarlyReceipts early = new org.socialcarebridge.delivery.EarlyReceipts(
                followUps != null ? outbox.orElse(followUps) : outbox, java.time.Duration.ofMinutes(2), 10_000, clock);
        receipts = early;
        camel.addRoutes(new org.socialcarebridge.routes.delivery.ReceiptRoutes(early));
        health.gauge("receiptsWaiting", early::waiting);
        templateChoices = host;
        health.gauge("heldForApproval", outbox::heldForApproval);
        health.gauge("failedReplies", outbox::failed);
        health.gauge("outbox", outbox::size);
        LedgerStore ledger = new LedgerStore(db);
        health.gauge("waitingForTicket", () -> ledger.count(LedgerState.RECEIVED));
        health.gauge("deadLetters", () -> ledger.count(LedgerState.DEAD_LETTER));
        deadLetters = new DeadLetters(db, clock);
        health.gauge("deadLetterReasons", () -> deadLetters.newest(5).stream().map(d -> {
            Map<String, String> r = new java.util.LinkedHashMap<>();
            r.put("key", d.key());
            r.put("reason", d.reason());
            return r;
        }).toList());
        camel.addRoutes(new DeadLetterRoutes(httpSettings.baseUri(), deadLetters,
                rt != null ? new DeadLetterAlert(db, deadLetters, host, clock) : null,
                new AdminToken(httpSettings.adminToken(), json)));
        if (rt != null) {
            int interrupted = outbox.settleInterrupted();
            if (interrupted > 0) {
                LOG.warn("{} replies were being posted when the plugin stopped; each is looked up on the network before"
                        + " it is posted again", interrupted);
            }
            health.staleAfter(rt.staleAfter());
            camel.addRoutes(new RtRoutes(httpSettings.baseUri(), rt, intake, outbox, replies != null,
                    new ReplyApprovals(db, host, host, outbox, clock),
                    new RtReplyReconciler(host, outbox, db, clock), new ChannelWatch(health, host, db, rt.staleAfter(), clock),
                    health.channel("rt"), httpSettings.notifySecret(), json, clock));
            camel.addRoutes(new ModerationRoutes(new CommentModeration(db, host, host, networks, clock), rt.reconcileInterval()));
            camel.addRoutes(new ReplyWindowRoutes(new ReplyWindows(db, host, replyPolicy, channels, clock), rt.reconcileInterval()));
            if (httpSettings.notifySecret() == null) {
                LOG.warn("Social Care Bridge: RT's reply notifications are refused (503) until notifySecret is set in"
                        + " etc/{}.cfg to RT's $SocialCareNotifySecret; replies arrive by reconciliation every {}s meanwhile",
                        HttpSettings.PID, rt.reconcileInterval().toSeconds());
            }
            MetricsPublisher metrics = new MetricsPublisher(db, host, () -> rulesFile.current().businessHours(), clock);
            camel.addRoutes(new MetricsRoutes(httpSettings.baseUri(), metrics, db, () -> rulesFile.current().businessHours(),
                    java.time.Duration.ofSeconds(5), new AdminToken(httpSettings.adminToken(), json), clock));
            health.gauge("metricsPublishedThrough", metrics::position);
            health.gauge("metrics", metrics::state); // deferredWhileFiling while filing is behind
        }
        if (followUps != null) {
            int sending = followUps.settleInterrupted();
            if (sending > 0) {
                LOG.warn("{} follow-ups were being sent when the plugin stopped; each is looked up on the network before"
                        + " it is sent again", sending);
            }
            camel.addRoutes(new FollowUpRoutes(followUps, rt.reconcileInterval()));
            health.gauge("followUpsScheduled", followUps::scheduledCount);
            health.gauge("surveysAnswered", followUps::answeredCount);
        }
    }

    /**
     * Attaches a channel: its client joins the live registry the outbox and the follow-ups read, and its routes
     * start (at once if the core runs, else with it); its description is declared first. A channel attached
     * again first leaves.
     *
     * @param channel     its name on the health board and its component's scheme, e.g. {@code x}
     * @param description what its network allows
     * @param component   the network's Camel component, which the routes' endpoints name
     * @param routes      the channel's routes, each with its own route id
     */
    public void attach(String channel, Channel description, Component component, NetworkClient client,
                       RouteBuilder routes) throws Exception {
        attach(channel, description, component, client, routes, Map.of());
    }

    /**
     * Attaches a channel that also takes deliveries of the Meta webhook: each of {@code metaObjects} (by the
     * delivery's {@code object}, e.g. {@code page}) is handed its deliveries from now on, until the channel
     * detaches; meanwhile a delivery of that object is kept as a dead letter.
     */
    public synchronized void attach(String channel, Channel description, Component component, NetworkClient client,
                                    RouteBuilder routes, Map<String, WebhookObjectHandler> metaObjects) throws Exception {
        declare(description);
        leave(channel);
        camel.addComponent(channel, component);
        camel.addRoutes(routes);
        List<String> routeIds = routes.getRouteCollection().getRoutes().stream().map(RouteDefinition::getRouteId).toList();
        attached.put(channel, new Attachment(client.network(), routeIds, Map.copyOf(metaObjects)));
        networks.put(client.network(), client);
        metaObjects.forEach(metaWebhook::take);
        LOG.info("Social Care Bridge: the {} channel is attached: routes {}{}", channel, routeIds,
                metaObjects.isEmpty() ? "" : ", Meta webhook objects " + new java.util.TreeSet<>(metaObjects.keySet()));
    }

    /**
     * Serves the Meta app's webhook, {@code <base>/webhooks/meta}, from the values of
     * {@code etc/org.socialcarebridge.network.meta.cfg} (in place of an earlier one): verified deliveries go to
     * the channels that took their object, the rest become dead letters. Wrong values serve nothing and say why
     * in the log and on health ({@code meta}).
     */
    public synchronized void serveMetaWebhook(Map<String, ?> values) throws Exception {
        stopMetaWebhook();
        if (values != null && !MetaWebhookSettings.enabled(values)) {
            LOG.info("Social Care Bridge: the Meta webhook is switched off (enabled = false in etc/{}.cfg)",
                    MetaWebhookSettings.PID);
            return;
        }
        MetaWebhookSettings settings = channelSettings(MetaWebhookSettings.NAME, () -> MetaWebhookSettings.from(values));
        if (settings == null) {
            return;
        }
        WebhookRoutes routes = WebhookRoutes.meta(baseUri, settings, metaWebhook, health, json, clock);
        camel.addRoutes(routes);
        metaWebhookRoute = routes.routeId();
        LOG.info("Social Care Bridge: the Meta webhook is served at {}{}{}", baseUri.replaceFirst("^jetty:", ""),
                WebhookRoutes.PATH, MetaWebhookSettings.NAME);
    }

    /** Stops serving the Meta webhook (its file was removed or changed); Meta retries what it could not deliver. */
    public synchronized void stopMetaWebhook() {
        health.forget(MetaWebhookSettings.NAME); // a problem of the earlier values leaves with them
        if (metaWebhookRoute == null) {
            return;
        }
        removeRoute(metaWebhookRoute, "the Meta webhook");
        metaWebhookRoute = null;
    }

    /** The Meta webhook's handler, with the objects the attached channels take. */
    public WebhookDispatch metaWebhook() {
        return metaWebhook;
    }

    /**
     * Makes a channel's network known, with what it allows, whether or not the channel runs: the triage rules
     * and the reply settings may name it, and replies to it are planned (they wait while it does not run). Once
     * the core runs, a network new here has the rules file read again and the reply settings checked again.
     */
    public void declare(Channel description) {
        if (channels.attach(description) && started) {
            LOG.info("Social Care Bridge: the {} network is declared; the triage rules and reply settings are"
                    + " checked again", description.network().displayName());
            checkAgainstChannels();
        }
    }

    /** What was read before a channel declared itself, against the channels now known; problems are logged. */
    private void checkAgainstChannels() {
        rulesFile.recheck(); // the triage-rules timer reads it again and reports as for any change
        List<String> problems = ReplySettings.againstChannels(replyValues, channels);
        if (!problems.isEmpty()) {
            // Shown where a wrong file always shows (health 503, the RT alert), not only in the log; each reply
            // that would use the wrong setting is refused with its reason, the others go out.
            String line = String.join(" | ", problems);
            LOG.error("Social Care Bridge: the replies settings do not suit the channels. {}", line);
            health.channel("replies").stopped(line, clock.instant());
        }
    }

    /**
     * Detaches a channel: replies and follow-ups for its network wait (they retry) until it is attached again;
     * its routes stop and it leaves the health board. Nothing is lost: what it had read is stored.
     */
    public synchronized void detach(String channel) {
        health.forget(channel);
        if (leave(channel)) {
            LOG.info("Social Care Bridge: the {} channel is detached", channel);
        }
    }

    /** Removes a channel's client and routes (its health line stays: a channel attached again keeps it). */
    private boolean leave(String channel) {
        Attachment a = attached.remove(channel);
        if (a == null) {
            return false;
        }
        networks.remove(a.network());
        a.metaObjects().forEach(metaWebhook::release);
        for (String routeId : a.routeIds()) {
            removeRoute(routeId, "the " + channel + " channel");
        }
        camel.removeComponent(channel);
        return true;
    }

    /** Stops and removes one route and its health line; a failure is logged, the rest goes on. */
    private void removeRoute(String routeId, String owner) {
        try {
            camel.getRouteController().stopRoute(routeId);
            camel.removeRoute(routeId);
        } catch (Exception e) {
            LOG.warn("Social Care Bridge: stopping route {} of {}: {}", routeId, owner, e.getMessage());
        }
        health.forgetRoute(routeId);
    }

    /** Reads a channel's settings; on a problem logs one line, marks the channel stopped and answers null. */
    <T> T channelSettings(String channel, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidSettingsException e) {
            String line = String.join(" | ", e.problems().stream().map(Object::toString).toList());
            LOG.error("Social Care Bridge: the {} channel is not started. {}", channel, line);
            health.channel(channel).stopped(line, Clock.systemUTC().instant());
            return null;
        }
    }

    private static Map<String, ?> valuesOf(Map<String, Map<String, ?>> config, String pid) {
        Map<String, ?> values = config.get(pid);
        return values == null ? Map.of() : values;
    }

    /** The triage engine in force (rules file and what the desk taught), for the shell's dry run. */
    public Triage triage() {
        return triage;
    }

    public TriageTraining training() {
        return training;
    }

    public FilteredMessages filtered() {
        return filtered;
    }

    /** The messages that could not be processed, for the administrator's shell commands. */
    public DeadLetters deadLetters() {
        return deadLetters;
    }

    /** Identity links, for the administrator's shell command. */
    public Customers customers() {
        return customers;
    }

    /** The HTTP client channels call their networks with. */
    HttpCall http() {
        return http;
    }

    ObjectMapper json() {
        return json;
    }

    Clock clock() {
        return clock;
    }

    Database db() {
        return db;
    }

    /** Where channels hand what they read. */
    org.socialcarebridge.delivery.DeliveryReceipts receipts() {
        return receipts;
    }

    org.socialcarebridge.host.TemplateChoices templateChoices() {
        return templateChoices;
    }

    Intake intake() {
        return intake;
    }

    /** Where the core's HTTP routes listen; a channel's own webhook is served under it too. */
    String baseUri() {
        return baseUri;
    }

    public Health health() {
        return health;
    }

    public CamelContext camel() {
        return camel;
    }

    public List<String> routeIds() {
        return camel.getRoutes().stream().map(r -> r.getRouteId()).sorted().toList();
    }

    @Override
    public void close() {
        networks.clear();
        try {
            camel.close();
            if (intake != null) {
                intake.close(); // after Camel: its filing timer no longer starts passes
            }
        } catch (Exception e) {
            LOG.warn("Stopping Camel: {}", e.getMessage());
        } finally {
            db.close();
        }
    }
}
