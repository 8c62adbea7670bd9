package org.socialcarebridge.runtime;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.socialcarebridge.component.webhook.MetaWebhookSettings;

/**
 * The Meta app's webhook inside Karaf, from {@code etc/org.socialcarebridge.network.meta.cfg}: served at
 * {@code http://127.0.0.1:8181/socialcare/webhooks/meta} (the host and port of the HTTP settings) while the
 * file is there and valid. It belongs to the Meta app, not to a channel: Facebook (and later Instagram and
 * WhatsApp) take their objects on it as they attach ({@link SocialCareEngine#attach}), and a delivery no
 * running channel takes is kept as a dead letter. A change of the file re-activates this component alone.
 */
@Component(service = MetaWebhookComponent.class, immediate = true, configurationPid = MetaWebhookSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class MetaWebhookComponent {
    @Reference
    SocialCareEngine core;

    @Activate
    void activate(Map<String, Object> properties) throws Exception {
        SocialCareRuntime.inBundle(() -> core.serveMetaWebhook(properties));
    }

    @Deactivate
    void deactivate() {
        core.stopMetaWebhook();
    }
}
