package RT::Extension::SocialCare;
use strict;
use warnings;

our $VERSION = '0.2.0';

=head1 NAME

RT::Extension::SocialCare - Social Care Bridge inside Request Tracker

=head1 DESCRIPTION

Shows the social customer of a ticket in queue Social and gives the plugin three small endpoints,
all behind RT's own login and rights:

=over

=item C<POST /SocialCare/TransactionCustomField>

writes a reply's delivery outcome onto its transaction (REST2 in RT 5.0 cannot change a
transaction's custom fields after the fact).

=item C<POST /SocialCare/Customer>

creates the RT user of a social customer: unprivileged, without password or e-mail address. RT lets
only C<AdminUsers> create users, and that right would let the plugin change anyone's password; this
endpoint needs the system right C<CreateSocialCustomers> instead and can create nothing else.

=item C<GET /SocialCare/GroupMembers?Name=...>

lists the user ids in a group, recursively, to who has RT's C<SeeGroup> on it (REST2 shows members
only to who may change them).

=back

Content from social networks is untrusted: everything shown here is HTML-escaped.

=cut

# What the Reply form offers on a ticket (Callbacks/.../EditTransactionCustomFields/BeforeTransactionCustomFields).
require RT::Extension::SocialCare::ReplyChoices;

# Registered once per process: RT warns about a right added twice. (A bare RT::System would call RT's
# function of that name.)
require RT::System;
'RT::System'->AddRight(Admin => CreateSocialCustomers =>
    'Create the unprivileged RT users of social customers (Social Care Bridge)') # loc
    unless 'RT::System'->AvailableRights->{CreateSocialCustomers};

# Ends the endpoint's request with this JSON answer. RT streams its answer, so the status goes out
# with the headers, before any output; nothing the component printed before is kept.
sub AnswerJSON {
    my ($class, $status, $body) = @_;
    my ($r, $m) = ($HTML::Mason::Commands::r, $HTML::Mason::Commands::m);
    $r->status($status);
    $r->content_type('application/json; charset=utf-8');
    $m->clear_buffer;
    $m->out(JSON::to_json($body, { canonical => 1 }));
    $m->abort;
}

1;
