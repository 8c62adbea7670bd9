#!/usr/bin/perl
# Prints, as JSON, the saved searches a system dashboard shows, as RT stores them: pane, name, search
# type, query, group-by (custom fields by name as well as RT's CF.{id}) and how many system searches
# (or dashboards) bear that name. For checks that must read what RT will run rather than what
# schema.pl meant; REST2 does not expose saved searches.
#   perl dashboard-searches.pl ['Social care']
use strict;
use warnings;
use lib '/usr/share/request-tracker5/lib';
use JSON::PP;
use RT;
RT::LoadConfig();
RT::Init();

my $name = shift // 'Social care';
my $sys = RT->SystemUser;
sub named {
    my ($kind, $name) = @_;
    return grep { ($_->Description // '') eq $name } RT->System->Attributes->Named($kind);
}
my ($attr, @more) = named('Dashboard', $name);
$attr or die "dashboard-searches: RT has no system dashboard named '$name'; run provision.pl first\n";
my $dashboard = RT::Dashboard->new($sys);
my ($ok, $msg) = $dashboard->LoadById($attr->id);
$ok or die "dashboard-searches: could not load dashboard '$name' (#" . $attr->id . "): $msg\n";

sub field_name {
    my ($grouping) = @_;
    return $grouping unless $grouping =~ /^CF\.\{(\d+)\}$/;
    my $cf = RT::CustomField->new($sys);
    $cf->Load($1);
    return $cf->id ? 'CF.{' . $cf->Name . '}' : $grouping;
}

my @searches;
for my $pane (qw(body sidebar)) {
    for my $portlet (@{ $dashboard->Panes->{$pane} || [] }) {
        next unless $portlet->{portlet_type} eq 'search';
        my $search = RT::Attribute->new($sys);
        $search->Load($portlet->{id});
        $search->id or die "dashboard-searches: '$name' shows saved search #$portlet->{id}, which RT does not have\n";
        my $content = $search->Content || {};
        my @group_by = @{ $content->{GroupBy} || [] };
        push @searches, { id => $search->id + 0, pane => $pane, name => $search->Description,
            copies => scalar named('SavedSearch', $search->Description),
            searchType => $content->{SearchType} // 'Ticket', query => $content->{Query} // '',
            storedGroupBy => \@group_by, groupBy => [map { field_name($_) } @group_by] };
    }
}
print JSON::PP->new->canonical->pretty->encode(
    { dashboard => { id => $dashboard->id + 0, name => $dashboard->Name, copies => 1 + @more }, searches => \@searches });
