package org.socialcarebridge.runtime;

import java.util.Map;
import java.util.Objects;

import org.apache.camel.Component;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.socialcarebridge.channel.Channel;
import org.socialcarebridge.channel.NetworkClient;
import org.socialcarebridge.component.feed.Listening;
import org.socialcarebridge.component.webhook.WebhookObjectHandler;

/**
 * A channel inside Karaf, one Declarative Services component per network (as karaf-decanter has one per
 * collector), configured by its own {@code etc/org.socialcarebridge.network.<key>.cfg}: a changed file
 * re-activates that component alone; its routes restart with the new values while the core and the other
 * channels keep running. Without the file there is no such channel.
 *
 * <p>On activation the channel declares its network to the core, whether or not it is enabled, so triage rules
 * and reply settings may name it and replies to it wait; then, enabled and with valid settings, it attaches its
 * Camel component, client and routes. A subclass says how its settings are read and its parts are made; the
 * {@code @Component} annotation (bnd reads this class's annotations through {@code -dsannotations-options:
 * inherit}) names its configuration PID.
 *
 * @param <S> the channel's settings, read from its file's values
 */
public abstract class ChannelAttachment<S> {
    /** Every channel's file is {@code etc/org.socialcarebridge.network.<key>.cfg}; the core restarts for none of them. */
    public static final String PID_PREFIX = "org.socialcarebridge.network.";

    /** Package-private, not private: DS injects it into the subclass's instance. */
    @Reference
    SocialCareEngine core;

    private final Channel description;

    /** @param description what the network allows; its key names the channel (health line, Camel scheme) */
    protected ChannelAttachment(Channel description) {
        this.description = Objects.requireNonNull(description, "description");
    }

    /**
     * What a channel adds to the core once its settings are read: its component, client and routes, and the
     * handlers of the Meta webhook's objects it takes (by the delivery's {@code object}, e.g. {@code page}).
     */
    protected record Parts(Component component, NetworkClient client, RouteBuilder routes,
                           Map<String, WebhookObjectHandler> metaObjects) {
        public Parts(Component component, NetworkClient client, RouteBuilder routes) {
            this(component, client, routes, Map.of());
        }
    }

    /** The channel's settings from its file's values; throws {@code InvalidSettingsException} saying what is wrong. */
    protected abstract S settings(Map<String, ?> values);

    protected abstract boolean enabled(S settings);

    /** The channel's Camel component, client and routes, from its checked settings and the core's services. */
    protected abstract Parts parts(SocialCareEngine core, S settings) throws Exception;

    /** The channel's name: its network's key, e.g. {@code x}. */
    public final String name() {
        return description.network().key();
    }

    /** Its configuration file's PID, e.g. {@code org.socialcarebridge.network.x}. */
    public final String pid() {
        return PID_PREFIX + name();
    }

    @Activate
    void activate(Map<String, Object> properties) throws Exception {
        SocialCareRuntime.inBundle(() -> attach(core, properties));
    }

    @Deactivate
    void deactivate() {
        core.detach(name());
    }

    /**
     * Declares the channel's network to the core, then, when its settings are valid and it is enabled, attaches
     * it; wrong settings stop this channel alone and say why on the health board.
     */
    public final void attach(SocialCareEngine core, Map<String, ?> values) throws Exception {
        core.declare(description);
        S settings = core.channelSettings(name(), () -> settings(values));
        if (settings == null || !enabled(settings)) {
            return;
        }
        Parts parts = parts(core, settings);
        core.attach(name(), description, parts.component(), parts.client(), parts.routes(), parts.metaObjects());
    }

    /** Where the channel's consumers hand what they read, watched on its health line. */
    protected final Listening listening(SocialCareEngine core) {
        return new Listening(description.network(), core.intake(), core.db(), core.health().channel(name()), core.clock());
    }
}
