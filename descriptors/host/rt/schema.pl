# The RT schema Social Care Bridge needs, as data. provision.pl creates what is missing and never
# duplicates (RT's own `rt-setup-database --action insert` would create custom fields twice).
use strict;
use warnings;

our $QUEUE = { Name => 'Social', Description => 'Social customer care (Social Care Bridge)' };
# Where the plugin raises channel alerts (a channel that stopped working) for supervisors.
our $OPS_QUEUE = { Name => 'Social Ops', Description => 'Channel alerts raised by Social Care Bridge' };
our @PLUGIN_OPS_RIGHTS = qw(SeeQueue ShowTicket CreateTicket ModifyTicket CommentOnTicket ShowTicketComments);
our @AGENT_OPS_RIGHTS = qw(SeeQueue ShowTicket ShowTicketComments);

our @TICKET_FIELDS = (
    { Name => 'Social Network',         Description => 'The network the customer wrote on (X, Mastodon)' },
    { Name => 'Social Handle',          Description => "The customer's handle on that network" },
    { Name => 'Social Profile URL',     Description => "Link to the customer's public profile" },
    { Name => 'Social Conversation ID', Description => 'Network and thread id; one conversation, one ticket' },
    { Name => 'Social Followers',       Description => "The customer's follower count when the ticket was opened" },
    { Name => 'Social Verified',        Description => 'Yes when the network marks the account verified' },
);

our @TRANSACTION_FIELDS = (
    # No fixed default: left empty, a reply goes the way the customer last wrote (public or private).
    { Name => 'Reply Visibility', Type => 'Select', Values => [qw(Public Private)], Default => '',
      AgentsModify => 1,
      Description => 'Public (in the thread) or Private (direct message); empty: as the customer last wrote' },
    { Name => 'Social Post ID',   Type => 'Freeform',
      Description => "The network's id of this message (the customer's post, or the reply as posted)" },
    { Name => 'Social Delivery',  Type => 'Freeform',
      Description => 'Where the reply stands: queued, posted (with link), refused or failed (with reason)' },
);

# The plugin's own user: files customers' messages and reads agents' replies.
our $PLUGIN_USER = { Name => 'socialcare', RealName => 'Social Care Bridge', Privileged => 1 };
our @PLUGIN_QUEUE_RIGHTS = qw(SeeQueue ShowTicket CreateTicket ReplyToTicket CommentOnTicket ModifyTicket
    ShowTicketComments SeeCustomField ModifyCustomField Watch WatchAsAdminCc ShowOutgoingEmail);
our @PLUGIN_SYSTEM_RIGHTS = qw(AdminUsers ShowUserHistory SeeGroup);

# The demo's agent and the group agents of the Social queue belong to.
our $AGENT_GROUP = { Name => 'Social Agents', Description => 'Agents who answer social customers' };
# ModifyCustomField is granted per field (AgentsModify), not on the queue: the plugin's own fields
# (Social Post ID, Social Delivery) then stay off the agent's Reply form.
our @AGENT_QUEUE_RIGHTS = qw(SeeQueue ShowTicket ReplyToTicket CommentOnTicket ModifyTicket OwnTicket TakeTicket
    StealTicket ShowTicketComments SeeCustomField ShowOutgoingEmail CreateTicket Watch);
our @DEMO_AGENTS = ({ Name => 'agent', RealName => 'Alex Agent', Password => 'agent', Privileged => 1 });

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
    CustomCommitCode => <<'PERL',
my $url = RT->Config->Get('SocialCareNotifyURL') or return 1;
require HTTP::Tiny;
my $plugin = RT::User->new(RT->SystemUser);
$plugin->Load('socialcare');
for my $txn (@{ $self->TicketObj->TransactionBatch || [] }) {
    next unless $txn->Type eq 'Correspond' && (!$plugin->id || $txn->Creator != $plugin->id);
    my $body = sprintf('{"ticket":%d,"transaction":%d}', $self->TicketObj->id, $txn->id);
    # Never blocks the agent for long and never fails the reply: the plugin also reconciles.
    my $res = eval { HTTP::Tiny->new(timeout => 2)->post($url,
        { headers => { 'Content-Type' => 'application/json' }, content => $body }) };
    RT->Logger->warning('Social Care Bridge was not notified of transaction ' . $txn->id . ': '
        . ($@ || "$res->{status} $res->{reason}")) unless $res && $res->{success};
}
return 1;
PERL
};

1;
