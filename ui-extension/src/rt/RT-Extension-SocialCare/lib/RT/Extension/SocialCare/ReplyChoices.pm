package RT::Extension::SocialCare::ReplyChoices;
use strict;
use warnings;

=head1 NAME

RT::Extension::SocialCare::ReplyChoices - the Reply Visibility values the Reply form offers on a ticket

=head1 DESCRIPTION

Social Care Bridge writes the reply choices the ticket's channel declares into the ticket's
C<Social Reply Choices> field when it files the ticket, as Reply Visibility values joined by ", "
(e.g. C<Public, Private>). The Reply form offers only those, so a network that allows fewer (a
comment with one private reply, a messaging app without public replies) needs no change here.

A ticket without the field (filed before it existed), or whose field names no value the form knows,
offers every value, as before.

Plain Perl, without RT, so that C<prove> checks it anywhere.

=cut

our $FIELD = 'Social Reply Choices';

# The values of @values (the Reply Visibility field's, in its order) that $declared names, in any case.
sub Offered {
    my ($class, $declared, @values) = @_;
    my %named = map { lc($_) => 1 } grep { length } map { s/^\s+|\s+$//gr } split /,/, ($declared // '');
    my @offered = grep { $named{ lc $_ } } @values;
    return @offered ? @offered : @values;
}

1;
