# The RT schema Social Care Bridge needs, as data. provision.pl creates what is missing and never
# duplicates (RT's own `rt-setup-database --action insert` would create custom fields twice).
use strict;
use warnings;

our $QUEUE = { Name => 'Social', Description => 'Social customer care (Social Care Bridge)' };
# Triage routes crises and cases that need PR or legal sign-off here (the default rules' queue).
# Every social queue gets the same fields, scrip and rights; a queue the administrator's own rules
# name must be added to this list and provisioned again.
our @MORE_SOCIAL_QUEUES = ({ Name => 'Social Escalations',
    Description => 'Crises and cases that need PR or legal sign-off, routed by Social Care Bridge triage' });
# Where the plugin raises channel alerts (a channel that stopped working) for supervisors.
our $OPS_QUEUE = { Name => 'Social Ops', Description => 'Channel alerts raised by Social Care Bridge' };
# Channel alerts and the daily noise digest: opened, commented and resolved by the plugin.
our @PLUGIN_OPS_RIGHTS = qw(SeeQueue ShowTicket CreateTicket ModifyTicket CommentOnTicket);
our @AGENT_OPS_RIGHTS = qw(SeeQueue ShowTicket ShowTicketComments);

our @TICKET_FIELDS = (
    { Name => 'Social Network',         Description => 'The network the customer wrote on (X, Mastodon)' },
    { Name => 'Social Handle',          Description => "The customer's handle on that network" },
    { Name => 'Social Profile URL',     Description => "Link to the customer's public profile" },
    { Name => 'Social Conversation ID', Description => 'Network and thread id; one conversation, one ticket' },
    { Name => 'Social Followers',       Description => "The customer's follower count when the ticket was opened" },
    { Name => 'Social Verified',        Description => 'Yes when the network marks the account verified' },
    # Written by the plugin when it files the ticket: the Reply form offers only these (empty: every choice).
    { Name => 'Social Reply Choices',
      Description => "The Reply Visibility values the ticket's network allows, e.g. Public, Private, Move to private" },
    # Triage's decision. Agents may correct category, sentiment and noise: the plugin learns from it.
    { Name => 'Social Priority', Type => 'Select', Values => [qw(P1 P2 P3)], AgentsModify => 1,
      Description => 'P1 first tier (question, dissatisfaction, urgent need, crisis), P2 second tier, P3 the rest' },
    { Name => 'Social Category', Type => 'Autocomplete', AgentsModify => 1,
      Values => ['Delay', 'Cancellation', 'Lost or Damaged', 'Booking and Billing', 'Customer Service',
                 'Service Quality', 'Account', 'Outage', 'Legal and PR', 'Other'],
      Description => 'Topic, from the triage rules or learnt from agents; correct it and the plugin learns' },
    { Name => 'Social Sentiment', Type => 'Select', Values => [qw(negative neutral positive)], AgentsModify => 1,
      Description => "The customer's sentiment as triage read it; correct it and the plugin learns" },
    { Name => 'Social Contact Type', Type => 'Select',
      Values => [qw(question complaint praise sales-lead crisis feedback other)],
      Description => 'What the customer is doing: question, complaint, praise, sales lead, crisis, feedback' },
    { Name => 'Social Language', Description => 'ISO 639-1 code of the message language (und: unknown)' },
    { Name => 'Social Approval Required', Type => 'Select', Values => [qw(Yes No)],
      Description => 'Yes when triage says public replies need a supervisor (PR or legal topics)' },
    { Name => 'Social Noise', Type => 'Select', Values => [qw(Yes No)], AgentsModify => 1,
      Description => 'Set Yes on a ticket that should never have been one: the plugin learns from it' },
    { Name => 'Social Personal Data Posted', Type => 'Select', Values => [qw(Yes No)],
      Description => 'Yes when the customer posted what looks like their card number in public' },
    { Name => 'Social Triage', Type => 'Text',
      Description => 'Which triage rules fired and what they decided' },
    # Approval of held replies: only team leads may set these; the plugin clears Social Approval after acting.
    { Name => 'Social Approval', Type => 'Select', Values => [qw(Approve Reject)], LeadsModify => 1,
      Description => "A team lead's decision on the replies held for approval: Approve posts them, Reject refuses them" },
    { Name => 'Social Approval Note', LeadsModify => 1,
      Description => 'Why the held reply was rejected, for the agent' },
    # Closing the loop (follow-ups after resolution). Written by the plugin only.
    { Name => 'Social Resolved By',
      Description => 'The RT user who last resolved the ticket: its satisfaction score is credited to them' },
    { Name => 'Social Closing',
      Description => 'The public closing reply after resolution: posted (with link), or not sent and why' },
    { Name => 'Social Survey',
      Description => 'The satisfaction survey after resolution: scheduled, sent, answered, or not sent and why' },
    { Name => 'Social CSAT', Type => 'Select', Values => [qw(1 2 3 4 5)],
      Description => "The customer's satisfaction score (1 poor to 5 great) from the survey after resolution" },
    { Name => 'Social Survey Answer',
      Description => "The customer's answer to the survey, as written" },
    { Name => 'Customer Confirmed Resolution', Type => 'Select', Values => [qw(Yes No)],
      Description => 'Yes when the customer said it was fixed (e.g. "thanks, all fixed") before the ticket was resolved' },
    { Name => 'Social Check-in',
      Description => 'The follow-up some days after resolution ("Is everything still working?"): scheduled, sent, or cancelled and why' },
    # Metrics, kept current by the plugin as the conversation goes on (minutes; business = the triage rules' hours).
    { Name => 'Social First Response (min)',
      Description => "Minutes from the customer's first message to the first reply posted, wall-clock" },
    { Name => 'Social First Response Business (min)',
      Description => "Minutes from the customer's first message to the first reply posted, in business hours" },
    { Name => 'Social First Response Band', Type => 'Select',
      Values => ['under 15m', '15m to 1h', '1h to 4h', '4h to 24h', 'over 24h'],
      Description => 'The wall-clock first response time, banded for charts' },
    { Name => 'Social Resolution (min)',
      Description => "Minutes from the customer's first message to resolution, wall-clock" },
    { Name => 'Social Resolution Business (min)',
      Description => "Minutes from the customer's first message to resolution, in business hours" },
    { Name => 'Social SLA', Type => 'Select', Values => [qw(Met Breached Open)],
      Description => "Met or Breached: the first reply came before or after the tier's due time; Open: not yet, not late" },
    { Name => 'Social Replies',
      Description => 'How many agent replies reached the customer' },
    { Name => 'Social Sentiment First', Type => 'Select', Values => [qw(negative neutral positive)],
      Description => "The sentiment of the customer's first message" },
    { Name => 'Social Sentiment Last', Type => 'Select', Values => [qw(negative neutral positive)],
      Description => "The sentiment of the customer's latest message" },
    { Name => 'Social Sentiment Conversion',
      Description => 'First to latest sentiment, e.g. negative→positive' },
);

our @TRANSACTION_FIELDS = (
    # No fixed default: left empty, a reply goes the way the customer last wrote (public or private).
    { Name => 'Reply Visibility', Type => 'Select', Values => ['Public', 'Private', 'Move to private'], Default => '',
      AgentsModify => 1,
      Description => 'Public (in the thread), Private (direct message), or Move to private (a public'
          . ' acknowledgement inviting to a DM, then the text as the DM); empty: as the customer last wrote' },
    { Name => 'Social Post ID',   Type => 'Freeform',
      Description => "The network's id of this message (the customer's post, or the reply as posted)" },
    # Set by the Reply form (RT extension callback) or a REST2 client: the ticket's newest transaction when
    # the agent started the reply, so a reply overtaken by the customer or another agent is held.
    { Name => 'Social Seen',      Type => 'Freeform', AgentsModify => 1,
      Description => "The ticket's newest transaction when the agent opened the reply form (collision check)" },
    { Name => 'Social Delivery',  Type => 'Freeform',
      Description => 'Where the reply stands: queued, posted (with link), refused or failed (with reason)' },
    # A private reply goes to the ticket's customer unless the agent names another participant here.
    { Name => 'Social Reply To',  Type => 'Freeform', AgentsModify => 1,
      Description => "The \@handle of a participant of this conversation to answer privately instead of the ticket's"
          . ' requestor; empty: the requestor' },
    { Name => 'Social Recipient', Type => 'Freeform',
      Description => 'Who received the reply, as the plugin sent it (e.g. x:123 @maria)' },
);

# The plugin's own user: files customers' messages and reads agents' replies. Privileged, because
# REST2 serves privileged users only. It holds exactly the rights below (docs/security.md lists them);
# it may not administer users or groups. Its password is SOCIALCARE_RT_PASSWORD, set only on creation.
our $PLUGIN_USER = { Name => 'socialcare', RealName => 'Social Care Bridge', Privileged => 1 };
our @PLUGIN_QUEUE_RIGHTS = (
    'SeeQueue',          # RT loads a queue named in a new ticket, and shows a ticket's queue, only to who may see it
    'ShowTicket',        # read tickets, their replies, field and status changes, and the replies' text
    'CreateTicket',      # file a customer's first message as a ticket
    'ReplyToTicket',     # record the customer's later messages as correspondence on their ticket
    'CommentOnTicket',   # tell agents what happened (reply held, refused or failed; survey answers)
    'ModifyTicket',      # reopen on a new message, escalate (Owner Nobody, AdminCc group), Due and Priority
    'ReassignTicket',    # a low survey score hands the ticket back to a group: Owner Nobody, whoever owned it
    'SeeCustomField',    # read the social fields: conversation id, Reply Visibility, approvals, corrections
    'ModifyCustomField', # write triage results, the delivery outcome, metrics and Social Recipient
);
# RT::User->Create demands AdminUsers, which would let the plugin change any password (root's too).
# The RT extension's POST /SocialCare/Customer creates unprivileged, passwordless customers instead,
# for holders of this right only.
our @PLUGIN_SYSTEM_RIGHTS = ('CreateSocialCustomers');
# Rights earlier versions granted the plugin: provisioning revokes each wherever the lists here do not
# grant it (system-wide, on the social and ops queues, on the groups below), so an upgraded install
# ends up with the same rights as a new one. The plugin reads no comments, no e-mail RT sent and no
# user history, and ModifyTicket already lets it set a ticket's requestor and AdminCc.
our @PLUGIN_RIGHTS_WITHDRAWN = qw(AdminUsers AdminGroupMembership ShowUserHistory SeeGroup
    ShowTicketComments ShowOutgoingEmail Watch WatchAsAdminCc);
# The plugin reads who belongs to these (agents, team leads, valued customers, new hires) through
# GET /SocialCare/GroupMembers, which asks RT's own SeeGroup on each group; it may not change them.
our @PLUGIN_GROUP_RIGHTS = ('SeeGroup');

# The group agents of the social queues belong to (provisioning creates no users: rt-user.pl does).
our $AGENT_GROUP = { Name => 'Social Agents', Description => 'Agents who answer social customers' };
# ModifyCustomField is granted per field (AgentsModify), not on the queue: the plugin's own fields
# (Social Post ID, Social Delivery) then stay off the agent's Reply form.
our @AGENT_QUEUE_RIGHTS = qw(SeeQueue ShowTicket ReplyToTicket CommentOnTicket ModifyTicket OwnTicket TakeTicket
    StealTicket ShowTicketComments SeeCustomField ShowOutgoingEmail CreateTicket Watch);
# First escalation level (the default rules' owner group for crises); works both queues like agents.
our $LEAD_GROUP = { Name => 'Social Team Leads', Description => 'Team leads: first escalation level for social cases' };
# Customers the business values most: triage raises their tier. Members are RT users (x:…, mastodon:…, e-mail).
# Agents whose public replies a team lead approves first (new hires); add members in RT.
our $APPROVAL_GROUP = { Name => 'Social Approval Needed', Description => 'Agents whose public social replies need a team lead\'s approval' };
our $VIP_GROUP = { Name => 'Social VIP', Description => 'Valued customers: Social Care Bridge triage raises their priority' };
# The response library: example replies the guides recommend, as RT Articles that agents insert from
# the Reply screen ("Include Article") and administrators edit under Articles. Created once; an
# administrator's edits are never overwritten. Authentic replies start from these, not end with them.
our $RESPONSE_CLASS = { Name => 'Social Responses',
    Description => 'Example social care replies (Social Care Bridge); edit them to your voice' };
our @RESPONSES = (
    { Name => 'Acknowledge and move to private',
      Summary => 'Public: acknowledge and invite to a direct message (use with Reply Visibility: Move to private)',
      Content => "We're sorry to hear this and we want to put it right. We've sent you a direct message so we can"
          . " look into it safely." },
    { Name => 'Holding message during an incident',
      Summary => 'Public: a known incident is being worked on; an update will follow',
      Content => "We know some customers are having trouble right now and our team is working on it. We'll post"
          . " an update here as soon as we have one. Thank you for your patience." },
    { Name => 'Thank you and closing',
      Summary => 'Public: close the conversation socially once it is fixed, also when it was solved in private',
      Content => "Thanks for bearing with us, glad we got things fixed! If anything else comes up, we're right here." },
    { Name => "Please don't share personal data publicly",
      Summary => 'Public: the customer posted a card number or other personal data in public',
      Content => "For your security, please don't share card numbers, account details or other personal"
          . " information in public posts. Could you delete that post and send us a direct message instead?"
          . " We'll take it from there." },
);
our @AGENT_CLASS_RIGHTS = qw(SeeClass ShowArticle);

# Supervisor reports: system saved searches (each name starts "Social care: ") and the "Social care"
# dashboard that shows them to agents and team leads. The meaning of each search is the plan's (a social
# ticket: in a social queue with Social Conversation ID set; dates in UTC, RT's server time zone) and
# must stay the same as the plugin's own computation. Relative dates are RT's: '7 days ago',
# '1 hour from now' and 'today 00:00' parse; 'today' alone means now, and a date RT cannot read
# silently becomes 1970, so check a new form against REST2 before using it.
# GroupBy names custom fields as CF.{Name}; provisioning stores RT 5's CF.{id}, the only form its charts accept.
my $social = '(' . join(' OR ', map { "Queue = '$_->{Name}'" } $QUEUE, @MORE_SOCIAL_QUEUES) . ')'
    . " AND 'CF.{Social Conversation ID}' IS NOT NULL";
my $active = "(Status = 'new' OR Status = 'open' OR Status = 'stalled')";
my $week = "Created >= '7 days ago'";
my $list = join(', ', q{'<b><a href="__WebPath__/Ticket/Display.html?id=__id__">__id__</a></b>/TITLE:#'},
    q{'<b><a href="__WebPath__/Ticket/Display.html?id=__id__">__Subject__</a></b>/TITLE:Subject'},
    'Status', 'QueueName', 'Owner');
my $social_list = join(', ', $list, q{'__CustomField.{Social Network}__/TITLE:Network'},
    q{'__CustomField.{Social Priority}__/TITLE:Tier'}, q{'__CustomField.{Social Category}__/TITLE:Category'});
our @REPORTS = (
    { Name => 'Social care: SLA at risk now', SearchType => 'Ticket',
      Query => "$social AND $active AND 'CF.{Social SLA}' = 'Open' AND Due < '1 hour from now'",
      Format => "$social_list, DueRelative", OrderBy => 'Due', Order => 'ASC' },
    { Name => 'Social care: SLA breached today', SearchType => 'Ticket',
      Query => "$social AND 'CF.{Social SLA}' = 'Breached' AND Due >= 'today 00:00'",
      Format => "$social_list, Due", OrderBy => 'Due', Order => 'ASC' },
    { Name => 'Social care: Volume this week by network', SearchType => 'Chart',
      Query => "$social AND $week", GroupBy => ['CF.{Social Network}'], ChartStyle => 'pie+table' },
    { Name => 'Social care: Volume this week by category', SearchType => 'Chart',
      Query => "$social AND $week", GroupBy => ['CF.{Social Category}'], ChartStyle => 'bar+table' },
    { Name => 'Social care: Volume this week by priority', SearchType => 'Chart',
      Query => "$social AND $week", GroupBy => ['CF.{Social Priority}'], ChartStyle => 'bar+table' },
    # The band is set with the first response, so a ticket without one is not counted yet.
    { Name => 'Social care: First response by tier', SearchType => 'Chart',
      Query => "$social AND $week AND 'CF.{Social First Response Band}' IS NOT NULL",
      GroupBy => ['CF.{Social Priority}', 'CF.{Social First Response Band}'], ChartStyle => 'bar+table' },
    { Name => 'Social care: CSAT by agent', SearchType => 'Chart',
      Query => "$social AND 'CF.{Social CSAT}' IS NOT NULL",
      GroupBy => ['CF.{Social Resolved By}', 'CF.{Social CSAT}'], ChartStyle => 'bar+table' },
    # Resolved now (RT keeps the Resolved date of a reopened ticket), within the week.
    { Name => 'Social care: Sentiment conversion', SearchType => 'Chart',
      Query => "$social AND Status = 'resolved' AND Resolved >= '7 days ago'",
      GroupBy => ['CF.{Social Sentiment Conversion}'], ChartStyle => 'pie+table' },
    { Name => 'Social care: Channel health', SearchType => 'Ticket', Pane => 'sidebar',
      Query => "Queue = '$OPS_QUEUE->{Name}' AND $active AND Subject STARTSWITH 'Social channel '",
      Format => "$list, CreatedRelative", OrderBy => 'Created', Order => 'DESC' },
    # Noise filtered vs ticketed: one digest ticket a day lists the filtered messages; beside it the
    # social tickets opened each day.
    { Name => 'Social care: Noise filtered', SearchType => 'Ticket', Pane => 'sidebar',
      Query => "Queue = '$OPS_QUEUE->{Name}' AND Subject STARTSWITH 'Filtered as noise on ' AND $week",
      Format => "$list", OrderBy => 'Created', Order => 'DESC' },
    { Name => 'Social care: Ticketed this week', SearchType => 'Chart', Pane => 'sidebar',
      Query => "$social AND $week", GroupBy => ['Created.Daily'], ChartStyle => 'bar+table' },
);
# Shown in this order, in the main column unless a report names the sidebar. Both groups may see it,
# and rt-user.pl puts it in the Reports menu of a user it adds to them, unless they chose their own menu.
our $DASHBOARD = { Name => 'Social care', Groups => [$AGENT_GROUP, $LEAD_GROUP] };
# Seeing a system dashboard and the system saved searches on it; nothing more.
our @DASHBOARD_RIGHTS = qw(SeeDashboard ShowSavedSearches);

our $SCRIP = {
    Description => 'On Correspond notify Social Care Bridge',
    Stage       => 'TransactionBatch',
    # Batch stage: runs once the whole reply (text and its Reply Visibility) is recorded.
    CustomIsApplicableCode => <<'PERL',
my $plugin = RT::User->new(RT->SystemUser);
$plugin->Load('socialcare');
for my $txn (@{ $self->TicketObj->TransactionBatch || [] }) {
    return 1 if $txn->Type eq 'Correspond' && (!$plugin->id || $txn->Creator != $plugin->id);
}
return 0;
PERL
    CustomPrepareCode => 'return 1;',
    # The plugin acts only on notifications that carry the shared secret (98-socialcare-secret.pm).
    CustomCommitCode => <<'PERL',
my $url = RT->Config->Get('SocialCareNotifyURL') or return 1;
my $secret = RT->Config->Get('SocialCareNotifySecret');
unless (defined $secret && length $secret) {
    RT->Logger->warning('Social Care Bridge was not notified of ticket ' . $self->TicketObj->id
        . ': $SocialCareNotifySecret is not set; run the provisioning (it writes'
        . ' /etc/request-tracker5/RT_SiteConfig.d/98-socialcare-secret.pm) and restart RT. The plugin still'
        . ' picks the reply up when it reconciles.');
    return 1;
}
require HTTP::Tiny;
my $plugin = RT::User->new(RT->SystemUser);
$plugin->Load('socialcare');
for my $txn (@{ $self->TicketObj->TransactionBatch || [] }) {
    next unless $txn->Type eq 'Correspond' && (!$plugin->id || $txn->Creator != $plugin->id);
    my $body = sprintf('{"ticket":%d,"transaction":%d}', $self->TicketObj->id, $txn->id);
    # Never blocks the agent for long and never fails the reply: the plugin also reconciles.
    my $res = eval { HTTP::Tiny->new(timeout => 2)->post($url,
        { headers => { 'Content-Type' => 'application/json', 'X-SocialCare-Secret' => $secret },
          content => $body }) };
    RT->Logger->warning('Social Care Bridge was not notified of transaction ' . $txn->id . ': '
        . ($@ || "$res->{status} $res->{reason}")) unless $res && $res->{success};
}
return 1;
PERL
};

1;
