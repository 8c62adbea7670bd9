package org.socialcarebridge.runtime;

import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.socialcarebridge.component.x.XApi;
import org.socialcarebridge.component.x.XChannel;
import org.socialcarebridge.component.x.XComponent;
import org.socialcarebridge.component.x.XConfiguration;
import org.socialcarebridge.component.x.XNetworkClient;
import org.socialcarebridge.component.x.XRoutes;
import org.socialcarebridge.component.x.XSettings;

/** The X channel inside Karaf, from {@code etc/org.socialcarebridge.network.x.cfg}. */
@Component(service = XChannelComponent.class, immediate = true, configurationPid = XSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class XChannelComponent extends ChannelAttachment<XSettings> {
    public XChannelComponent() {
        super(new XChannel());
    }

    @Override
    protected XSettings settings(Map<String, ?> values) {
        return XSettings.from(values);
    }

    @Override
    protected boolean enabled(XSettings x) {
        return x.enabled();
    }

    @Override
    protected Parts parts(SocialCareEngine core, XSettings x) {
        XConfiguration configuration = XConfiguration.from(x);
        XComponent component = new XComponent(configuration, new XApi(core.http(), configuration, core.json()));
        component.setListening(listening(core));
        return new Parts(component, new XNetworkClient(component), new XRoutes(configuration));
    }
}
