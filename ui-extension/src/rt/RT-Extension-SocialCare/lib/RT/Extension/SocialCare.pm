package RT::Extension::SocialCare;
use strict;
use warnings;

our $VERSION = '0.1.0';

=head1 NAME

RT::Extension::SocialCare - Social Care Bridge inside Request Tracker

=head1 DESCRIPTION

Shows the social customer of a ticket in queue Social and gives the plugin one small endpoint,
C</SocialCare/TransactionCustomField>, to write a reply's delivery outcome onto its transaction
(REST2 in RT 5.0 cannot change a transaction's custom fields after the fact).

Content from social networks is untrusted: everything shown here is HTML-escaped.

=cut

1;
