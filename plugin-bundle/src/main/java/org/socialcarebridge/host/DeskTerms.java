package org.socialcarebridge.host;

import org.socialcarebridge.channel.ReplyVisibility;

/**
 * What the help desk calls the domain's fields, reply choices and approval group, for the texts agents
 * read there (a refused reply, a held one). The domain says which field it means; the host adapter says
 * how the desk spells it (RT: routes.rt.RtFields), as {@link FieldChange#shownAs()} does for log lines.
 */
public interface DeskTerms {

    /** The domain's own names: for texts read outside any help desk (logs, a refusal's exception message). */
    DeskTerms DOMAIN = new DeskTerms() {
        @Override
        public String field(TicketField field) {
            return field.name();
        }

        @Override
        public String field(MessageField field) {
            return field.name();
        }

        @Override
        public String choice(ReplyVisibility visibility) {
            return visibility.label();
        }

        @Override
        public String approvalGroup() {
            return "the approval group";
        }
    };

    String field(TicketField field);

    String field(MessageField field);

    /** A reply choice as the agent picks it on the desk's reply form. */
    String choice(ReplyVisibility visibility);

    /** The group whose members' public replies wait for a supervisor ({@link AgentReply#agentNeedsApproval()}). */
    String approvalGroup();
}
