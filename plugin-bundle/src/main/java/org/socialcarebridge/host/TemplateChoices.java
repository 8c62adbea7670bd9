package org.socialcarebridge.host;

import java.util.List;

import org.socialcarebridge.channel.MessageTemplate;
import org.socialcarebridge.channel.Network;

/**
 * The help desk's list of approved templates agents pick from on a reply ({@link MessageField#TEMPLATE}),
 * kept equal to the network's: values are added, changed and removed to match, in one step.
 */
public interface TemplateChoices {
    /** Makes the choices exactly these templates (an empty list leaves none to pick). */
    void offerTemplates(Network network, List<MessageTemplate> templates);
}
