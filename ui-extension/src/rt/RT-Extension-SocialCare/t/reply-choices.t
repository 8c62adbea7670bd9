#!/usr/bin/perl
# Which Reply Visibility values the Reply form offers, from the ticket's Social Reply Choices field.
# Plain Perl: runs without RT (prove t/reply-choices.t). t/reply-form.t checks the form itself.
use strict;
use warnings;
use FindBin;
use lib "$FindBin::Bin/../lib";
use Test::More;
use RT::Extension::SocialCare::ReplyChoices;

my @all = ('Public', 'Private', 'Move to private');
sub offered { [RT::Extension::SocialCare::ReplyChoices->Offered(@_, @all)] }

is_deeply(offered('Public, Private, Move to private'), \@all, 'X and Mastodon declare all three');
is_deeply(offered('Public, Private'), ['Public', 'Private'], 'a channel with two: Move to private is not offered');
is_deeply(offered('Private'), ['Private'], 'a messaging app: private only');
is_deeply(offered('private ,  PUBLIC'), ['Public', 'Private'], "any case and spacing, in the field's own order");
is_deeply(offered(undef), \@all, 'a ticket filed before the field existed: every value');
is_deeply(offered(''), \@all, 'an empty field: every value');
is_deeply(offered('Carrier pigeon'), \@all, 'nothing the form knows: every value, rather than none');
is_deeply(offered('Public, Carrier pigeon'), ['Public'], 'unknown names are left out');
is($RT::Extension::SocialCare::ReplyChoices::FIELD, 'Social Reply Choices', "the field the plugin writes (RtFields)");

done_testing;
