#!/usr/bin/perl
# Loads the RT extension's etc/initialdata (ui-extension/src/rt/RT-Extension-SocialCare) into a running
# RT through RT::Extension::SocialCare::Loader: creates what is missing, updates what drifted,
# duplicates nothing, applies the extension's upgrade files once, and leaves the plugin's user exactly
# the rights the initialdata lists (docs/security.md). Never creates people's users (rt-user.pl does)
# and never changes a password that exists. Prints a summary. provision.sh installs the extension first.
#   SOCIALCARE_RT_PASSWORD=... perl provision.pl   (the plugin user's password, used only to create it)
use strict;
use warnings;
use lib '/usr/share/request-tracker5/lib';
use FindBin;
use RT;
RT::LoadConfig();
RT::Init();

# This tree's extension, not whatever copy RT loaded: the schema loaded is the one checked out here.
my $extension = "$FindBin::Bin/../../../ui-extension/src/rt/RT-Extension-SocialCare";
-f "$extension/etc/initialdata"
    or die "provision: $extension/etc/initialdata is missing; run provision.pl from a Social Care Bridge checkout\n";
unshift @INC, "$extension/lib";
require RT::Extension::SocialCare::Loader;

my $result = eval {
    RT::Extension::SocialCare::Loader->new(Dir => $extension, PluginPassword => $ENV{SOCIALCARE_RT_PASSWORD})->Run;
} or do { my $why = $@; $why =~ s/^(?!provision: )/provision: /; die $why };
my @done = @{ $result->{done} };
my @revoked = @{ $result->{revoked} };
print 'RT schema: created ' . join(', ', @done) . "\n" if @done;
print "RT schema: revoked from the plugin's user, which no longer needs them: " . join(', ', @revoked) . "\n" if @revoked;
print "RT schema: already up to date\n" unless @done || @revoked;
