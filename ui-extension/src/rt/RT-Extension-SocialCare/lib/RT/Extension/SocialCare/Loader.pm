package RT::Extension::SocialCare::Loader;
use strict;
use warnings;
use File::Spec;
use JSON::PP;
use RT::Extension::SocialCare;

=head1 NAME

RT::Extension::SocialCare::Loader - load etc/initialdata into an RT that may already have it

=head1 SYNOPSIS

    my $loader = RT::Extension::SocialCare::Loader->new(
        Dir => '/path/to/RT-Extension-SocialCare', PluginPassword => $ENV{SOCIALCARE_RT_PASSWORD});
    my $result = $loader->Run;   # { done => [...], revoked => [...] }

=head1 DESCRIPTION

RT's own initialdata loader (C<make initdb>, C<rt-setup-database --action insert>) creates
everything it reads, again on every run. This loader reads the same F<etc/initialdata> and adopts
what exists: a queue, group, user, custom field, article class, article, scrip condition, scrip
action, scrip, saved search or dashboard whose name matches is kept and brought up to date in place
(custom field values and queues added, a scrip pointed at its condition and action, a saved
search's definition replaced), never created twice. Tickets and their field values are never
touched. Rights listed in C<@ACL> are granted where missing, and every right a user of C<@Users>
(the plugin's) holds directly that C<@ACL> does not list is revoked: that user ends up with exactly
the listed rights, on an upgraded install as on a new one.

Upgrade files F<etc/upgrade/E<lt>versionE<gt>/content> (initialdata files holding only what that
version changes; none for a version later than the module's C<$VERSION>) are applied once each, in
version order, before the initialdata (an upgrade may rename what the initialdata then adopts); applied versions
are recorded in the attribute C<SocialCareSchemaVersions> of C<$RT::System>. An RT without that
record but with the first queue of C<@Queues> was provisioned by the layout before this one
(version 0.2.0); an RT with neither is new, and records every upgrade as applied without running
it, since the initialdata already holds what they add.

It understands the initialdata sections this extension uses: C<@Initial>, C<@Queues>, C<@Groups>,
C<@Users>, C<@CustomFields>, C<@Classes>, C<@Articles>, C<@ScripConditions>, C<@ScripActions>,
C<@Scrips>, C<@Attributes> (system saved searches and dashboards), C<@ACL> and C<@Final>; any other
section dies, naming it. Code in C<@Initial> and C<@Final> must be idempotent: it runs on every
provisioning.

=cut

our $PREVIOUS_LAYOUT = '0.2.0';
my @SECTIONS = qw(Initial Queues Groups Users CustomFields Classes Articles ScripConditions ScripActions
    Scrips Attributes ACL Final);
my @UNSUPPORTED = qw(Members Templates CustomRoles Catalogs Assets OCFVs Topics ObjectTopics);

sub new {
    my ($class, %args) = @_;
    defined $args{Dir} or die "RT::Extension::SocialCare::Loader->new needs Dir, the extension's folder\n";
    return bless { %args, done => [], revoked => [], sys => RT->SystemUser,
        json => JSON::PP->new->canonical }, $class;
}

sub fail { die "provision: $_[0]\n" }

sub done { push @{ $_[0]{done} }, $_[1] }

# The sections of an initialdata file, evaluated as RT evaluates it (Perl, after RT::Init) but each
# in a package of its own, so two files never share variables.
my $files = 0;
sub ReadInitialdata {
    my ($class, $file) = @_;
    open(my $fh, '<:encoding(UTF-8)', $file) or fail("cannot read $file: $!");
    my $text = do { local $/; <$fh> };
    my $package = __PACKAGE__ . '::File' . ++$files;
    my $ok = eval "package $package;\n#line 1 \"$file\"\n$text\n;1";
    $ok or fail("$file does not load: $@");
    no strict 'refs';
    for my $section (@UNSUPPORTED) {
        fail("$file has \@$section, which this loader does not adopt yet; teach"
            . " RT::Extension::SocialCare::Loader to, or move it into \@Final code that checks before it creates")
            if @{"${package}::$section"};
    }
    return { map { $_ => [@{"${package}::$_"}] } @SECTIONS };
}

sub Run {
    my ($self) = @_;
    exists RT->System->AvailableRights->{CreateSocialCustomers}
        or fail('RT does not know the right CreateSocialCustomers: the RT extension RT::Extension::SocialCare is not'
            . ' loaded. Install it (make install, or provision.sh) and check that the site configuration has'
            . ' Plugin("RT::Extension::SocialCare")');
    my $data = $self->ReadInitialdata(File::Spec->catfile($self->{Dir}, 'etc', 'initialdata'));

    my %applied = %{ $self->AppliedVersions || {} };
    # What this run finds recorded, for saying what it adds (etc/initialdata's @Final may record too).
    $self->{recorded} = { %applied };
    my @upgrades = $self->Upgrades;
    if (!%applied) {
        my $queue = RT::Queue->new($self->{sys});
        $queue->Load($data->{Queues}[0]{Name}) if @{ $data->{Queues} };
        if ($queue->id) {
            $applied{$PREVIOUS_LAYOUT} = 'provisioned before etc/initialdata';
        } else {
            $applied{$_} = 'in etc/initialdata when first loaded' for @upgrades;
        }
    }
    my ($last) = sort { _cmp($b, $a) } keys %applied;
    my $current = RT::Extension::SocialCare->VERSION;
    for my $version (@upgrades) {
        _cmp($version, $current) <= 0
            or fail("etc/upgrade/$version is for a version after this one ($current): raise \$VERSION in"
                . " RT::Extension::SocialCare or rename the folder");
        next if $applied{$version} || _cmp($version, $last) <= 0;
        $self->Adopt($self->ReadInitialdata(File::Spec->catfile($self->{Dir}, 'etc', 'upgrade', $version, 'content')));
        $applied{$version} = 'upgrade applied';
        $self->done("upgrade $version");
    }
    $self->Adopt($data);
    $applied{$current} ||= 'etc/initialdata loaded';
    $self->RecordVersions(\%applied);
    return { done => $self->{done}, revoked => $self->{revoked} };
}

# Dotted versions, numerically: 0.10.0 comes after 0.9.1.
sub _cmp {
    my ($a, $b) = @_;
    my @a = split /\./, $a;
    my @b = split /\./, $b;
    while (@a || @b) {
        my $c = (shift(@a) // 0) <=> (shift(@b) // 0);
        return $c if $c;
    }
    return 0;
}

sub Upgrades {
    my ($self) = @_;
    my $dir = File::Spec->catdir($self->{Dir}, 'etc', 'upgrade');
    opendir(my $dh, $dir) or return ();
    my @versions = grep { /^\d+(?:\.\d+)*$/ && -f File::Spec->catfile($dir, $_, 'content') } readdir $dh;
    return sort { _cmp($a, $b) } @versions;
}

sub AppliedVersions {
    my $attr = RT->System->FirstAttribute('SocialCareSchemaVersions');
    return $attr ? $attr->Content : undef;
}

sub RecordVersions {
    my ($self, $applied) = @_;
    my $stored = $self->AppliedVersions || {};
    return if $self->{json}->encode($stored) eq $self->{json}->encode($applied);
    my ($ok, $msg) = RT->System->SetAttribute(Name => 'SocialCareSchemaVersions',
        Description => 'Versions of RT::Extension::SocialCare whose schema this RT has', Content => $applied);
    $ok or fail("could not record the schema versions applied: $msg");
    my @new = sort { _cmp($a, $b) } grep { !$self->{recorded}{$_} } keys %$applied;
    $self->done('schema version' . (@new > 1 ? 's ' : ' ') . join(', ', @new) . ' recorded');
}

sub Adopt {
    my ($self, $data) = @_;
    for my $code (@{ $data->{Initial} }) {
        eval { $code->(); 1 } or fail("an \@Initial action failed: $@");
    }
    $self->Queue($_) for @{ $data->{Queues} };
    $self->Group($_) for @{ $data->{Groups} };
    $self->User($_) for @{ $data->{Users} };
    $self->CustomField($_) for @{ $data->{CustomFields} };
    $self->Class($_) for @{ $data->{Classes} };
    $self->Article($_) for @{ $data->{Articles} };
    $self->ScripPart('RT::ScripCondition', $_) for @{ $data->{ScripConditions} };
    $self->ScripPart('RT::ScripAction', $_) for @{ $data->{ScripActions} };
    $self->Scrip($_) for @{ $data->{Scrips} };
    $self->Attribute($_) for @{ $data->{Attributes} };
    $self->ACL($data);
    for my $code (@{ $data->{Final} }) {
        eval { $code->(); 1 } or fail("an \@Final action failed: $@");
    }
}

sub Queue {
    my ($self, $item) = @_;
    my $queue = RT::Queue->new($self->{sys});
    $queue->Load($item->{Name});
    return $queue if $queue->id;
    my ($ok, $msg) = $queue->Create(%$item);
    $ok or fail("could not create queue $item->{Name}: $msg");
    $self->done("queue $item->{Name}");
    return $queue;
}

sub LoadQueue {
    my ($self, $name, $for) = @_;
    my $queue = RT::Queue->new($self->{sys});
    $queue->Load($name);
    $queue->id or fail("$for names the queue '$name', which RT does not have; add it to \@Queues or fix the name");
    return $queue;
}

sub Group {
    my ($self, $item) = @_;
    my $group = RT::Group->new($self->{sys});
    $group->LoadUserDefinedGroup($item->{Name});
    return if $group->id;
    my ($ok, $msg) = $group->CreateUserDefinedGroup(%$item);
    $ok or fail("could not create group $item->{Name}: $msg");
    $self->done("group $item->{Name}");
}

# The password is set only when the user is created: one that exists is never changed here.
sub User {
    my ($self, $item) = @_;
    my $user = RT::User->new($self->{sys});
    $user->Load($item->{Name});
    my $password = $self->{PluginPassword};
    $password = undef unless defined $password && length $password;
    unless ($user->id) {
        my ($ok, $msg) = $user->Create(%$item, (defined $password ? (Password => $password) : ()));
        $ok or fail("could not create user $item->{Name}: $msg");
        $self->done("user $item->{Name}" . (defined $password ? ' (password from SOCIALCARE_RT_PASSWORD)'
            : " (no password: set one with rt-user.pl $item->{Name} --password-stdin)"));
    }
    if ($item->{Privileged} && !$user->Privileged) {
        my ($ok, $msg) = $user->SetPrivileged(1);
        $ok or fail("could not make $item->{Name} privileged: $msg");
        $self->done("user $item->{Name} made privileged");
    }
}

sub CustomField {
    my ($self, $item) = @_;
    my %item = %$item;
    my $values = delete $item{Values} || [];
    my $apply_to = delete $item{ApplyTo};
    $apply_to = [$apply_to] unless ref $apply_to;
    my $cf = RT::CustomField->new($self->{sys});
    $cf->LoadByName(Name => $item{Name}, LookupType => $item{LookupType});
    unless ($cf->id) {
        my ($ok, $msg) = $cf->Create(%item);
        $ok or fail("could not create custom field $item{Name}: $msg");
        $self->done("custom field $item{Name}");
    }
    my %have = map { $_->Name => 1 } @{ $cf->Values->ItemsArrayRef };
    for my $value (grep { !$have{ $_->{Name} } } @$values) {
        my ($ok, $msg) = $cf->AddValue(%$value);
        $ok or fail("could not add value $value->{Name} to $item{Name}: $msg");
        $self->done("value $value->{Name} of $item{Name}") if %have;
    }
    for my $name (@$apply_to) {
        my $queue = $self->LoadQueue($name, "custom field $item{Name}");
        next if $cf->IsAdded($queue->id);
        my ($ok, $msg) = $cf->AddToObject($queue);
        $ok or fail("could not apply $item{Name} to queue $name: $msg");
        $self->done("$item{Name} on queue $name");
    }
}

sub Class {
    my ($self, $item) = @_;
    my %item = %$item;
    my $apply_to = delete $item{ApplyTo};
    my $attributes = delete $item{Attributes} || [];
    my $class = RT::Class->new($self->{sys});
    $class->Load($item{Name});
    unless ($class->id) {
        my ($ok, $msg) = $class->Create(%item);
        $ok or fail("could not create the article class $item{Name}: $msg");
        $self->done("article class $item{Name}");
        # Only on creation: an administrator may change them under Admin > Articles > Classes.
        for my $attr (@$attributes) {
            ($ok, $msg) = $class->SetAttribute(%$attr);
            $ok or fail("could not set $attr->{Name} on the article class $item{Name}: $msg");
        }
    }
    for my $name (@{ ref $apply_to ? $apply_to : [$apply_to] }) {
        my $queue = $self->LoadQueue($name, "article class $item{Name}");
        next if $class->IsApplied($queue->id);
        my ($ok, $msg) = $class->AddToObject($queue);
        $ok or fail("could not apply $item{Name} to queue $name: $msg");
        $self->done("$item{Name} on queue $name");
    }
}

# Created once: an administrator's edits of an article are never overwritten.
sub Article {
    my ($self, $item) = @_;
    my %item = %$item;
    my $values = delete $item{CustomFields} || [];
    my $class = RT::Class->new($self->{sys});
    $class->Load($item{Class});
    $class->id or fail("article '$item{Name}' names the class '$item{Class}', which RT does not have; add it to \@Classes");
    my $article = RT::Article->new($self->{sys});
    $article->LoadByCols(Name => $item{Name}, Class => $class->id);
    return if $article->id;
    my %fields;
    for my $value (@$values) {
        my $cf = RT::CustomField->new($self->{sys});
        $cf->LoadByName(Name => $value->{CustomField}, LookupType => RT::Article->CustomFieldLookupType);
        $cf->id or fail("article '$item{Name}' sets the article custom field '$value->{CustomField}', which RT"
            . " does not have (RT's own initial data creates Content)");
        unless ($cf->IsGlobal || $cf->IsAdded($class->id)) {
            my ($ok, $msg) = $cf->AddToObject($class);
            $ok or fail("could not apply $value->{CustomField} to the class $item{Class}: $msg");
        }
        $fields{ 'CustomField-' . $cf->id } = $value->{Content};
    }
    my ($ok, $msg) = $article->Create(%item, Class => $class->id, %fields);
    $ok or fail("could not create the article '$item{Name}': $msg");
    $self->done("article '$item{Name}'");
}

# Scrip conditions and actions are this extension's own: kept as etc/initialdata says.
sub ScripPart {
    my ($self, $type, $item) = @_;
    # RT runs the module on every matching transaction: a missing one would fail each reply.
    my $module = ($type eq 'RT::ScripCondition' ? 'RT::Condition::' : 'RT::Action::') . $item->{ExecModule};
    eval "require $module; 1"
        or fail("the $type '$item->{Name}' runs $module, which does not load: $@ Install the extension"
            . " (make install) whose lib/ has it, or fix ExecModule in etc/initialdata");
    my $part = $type->new($self->{sys});
    $part->LoadByCol(Name => $item->{Name});
    unless ($part->id) {
        my ($ok, $msg) = $part->Create(%$item);
        $ok or fail("could not create the $type '$item->{Name}': $msg");
        $self->done(($type =~ /Condition/ ? 'scrip condition' : 'scrip action') . " '$item->{Name}'");
        return;
    }
    for my $field (grep { $_ ne 'Name' } sort keys %$item) {
        next if ($part->$field // '') eq ($item->{$field} // '');
        my $set = "Set$field";
        my ($ok, $msg) = $part->$set($item->{$field});
        $ok or fail("could not set $field of '$item->{Name}': $msg");
        $self->done("$field of '$item->{Name}' updated");
    }
}

# Matched by Description. A scrip of the layout before etc/initialdata ran code strings (User Defined);
# it is pointed at the extension's condition and action, and its code strings emptied.
sub Scrip {
    my ($self, $item) = @_;
    my @queues = map { $self->LoadQueue($_, "scrip '$item->{Description}'") }
        @{ ref $item->{Queue} ? $item->{Queue} : [$item->{Queue}] };
    my $scrips = RT::Scrips->new($self->{sys});
    $scrips->Limit(FIELD => 'Description', VALUE => $item->{Description});
    my $scrip = $scrips->First;
    unless ($scrip) {
        $scrip = RT::Scrip->new($self->{sys});
        my ($ok, $msg) = $scrip->Create(%$item, Queue => $queues[0]->id);
        $ok or fail("could not create the scrip '$item->{Description}': $msg");
        $self->done("scrip '$item->{Description}'");
    }
    for my $part (qw(ScripCondition ScripAction Template)) {
        my $object = $part eq 'Template' ? undef : "${part}Obj";
        my $current = $object ? $scrip->$object->Name : $scrip->Template;
        next if $current eq $item->{$part};
        my $set = "Set$part";
        my ($ok, $msg) = $scrip->$set($item->{$part});
        $ok or fail("could not set the $part of the scrip '$item->{Description}' to '$item->{$part}': $msg");
        $self->done("scrip '$item->{Description}' now uses $part '$item->{$part}'");
    }
    for my $code (qw(CustomIsApplicableCode CustomPrepareCode CustomCommitCode)) {
        next unless length($scrip->$code // '');
        my $set = "Set$code";
        my ($ok, $msg) = $scrip->$set('');
        $ok or fail("could not empty $code of the scrip '$item->{Description}': $msg");
        $self->done("code string $code of the scrip '$item->{Description}' removed");
    }
    for my $queue (@queues) {
        # At the scrip's own stage on every queue: at RT's default, TransactionCreate, a batch condition
        # never fires (the layout before etc/initialdata applied it so to Social Escalations).
        my $applied = RT::ObjectScrip->new($self->{sys});
        $applied->LoadByCols(Scrip => $scrip->id, ObjectId => $queue->id);
        if ($applied->id && $item->{Stage} && $applied->Stage ne $item->{Stage}) {
            my ($ok, $msg) = $applied->SetStage($item->{Stage});
            $ok or fail("could not move the scrip '$item->{Description}' to stage $item->{Stage} on queue "
                . $queue->Name . ": $msg");
            $self->done('scrip on queue ' . $queue->Name . " moved to stage $item->{Stage}");
        }
        next if $scrip->IsAdded($queue->id);
        my ($ok, $msg) = $scrip->AddToObject(ObjectId => $queue->id, Stage => $item->{Stage});
        $ok or fail("could not apply the scrip '$item->{Description}' to queue " . $queue->Name . ": $msg");
        $self->done("scrip '$item->{Description}' on queue " . $queue->Name);
    }
}

# System saved searches and dashboards, matched by Name and Description. A stored one is updated when
# a key etc/initialdata gives differs; keys only RT or an administrator added are kept.
sub Attribute {
    my ($self, $item) = @_;
    ($item->{Object} // 'RT::System') eq 'RT::System' && $item->{Name} =~ /^(?:SavedSearch|Dashboard)$/
        or fail("attribute '$item->{Name}' ($item->{Description}): the loader adopts only system saved searches"
            . " and dashboards (Object => 'RT::System')");
    my $content = $self->StoredContent($item);
    my $label = ($item->{Name} eq 'Dashboard' ? 'dashboard' : 'saved search') . " '$item->{Description}'";
    my ($attr) = SystemAttributes($item->{Name}, $item->{Description});
    unless ($attr) {
        my ($ok, $msg) = RT->System->AddAttribute(Name => $item->{Name}, Description => $item->{Description},
            Content => $content);
        $ok or fail("could not create the $label: $msg");
        $self->done($label);
        return;
    }
    my $stored = $attr->Content || {};
    my $json = $self->{json};
    return unless grep { $json->encode([$stored->{$_}]) ne $json->encode([$content->{$_}]) } keys %$content;
    my ($ok, $msg) = $attr->SetContent({ %$stored, %$content });
    $ok or fail("could not update the $label: $msg");
    $self->done("$label updated");
}

# Read afresh: RT->System caches its attributes, and an attribute added through another RT::System
# object (RT::SavedSearch->Save does that) would be missed, and created twice.
sub SystemAttributes {
    my ($name, $description) = @_;
    my $attrs = RT::Attributes->new(RT->SystemUser);
    $attrs->LimitToObject(RT->System);
    $attrs->Limit(FIELD => 'Name', VALUE => $name);
    $attrs->Limit(FIELD => 'Description', VALUE => $description) if defined $description;
    $attrs->OrderByCols({ FIELD => 'id' });
    return @{ $attrs->ItemsArrayRef };
}

# As RT stores it: chart groupings by custom field id, a dashboard's searches by id and privacy.
sub StoredContent {
    my ($self, $item) = @_;
    my %content = %{ $item->{Content} || {} };
    if ($item->{Name} eq 'SavedSearch' && $content{GroupBy}) {
        $content{GroupBy} = [map { my $g = $_; eval { RT::Extension::SocialCare->ChartGrouping($g) }
            // fail("saved search '$item->{Description}': $@") } @{ $content{GroupBy} }];
    }
    if ($item->{Name} eq 'Dashboard') {
        my %panes;
        for my $pane (sort keys %{ $content{Panes} || {} }) {
            $panes{$pane} = [map {
                my %portlet = %$_;
                if ($portlet{portlet_type} eq 'search' && $portlet{Description}) {
                    my $name = delete $portlet{Description};
                    ($portlet{ObjectType} // 'RT::System') eq 'RT::System'
                        or fail("dashboard '$item->{Description}' shows '$name' of $portlet{ObjectType}: only system searches are adopted");
                    delete @portlet{qw(ObjectType ObjectId)};
                    my ($search) = SystemAttributes('SavedSearch', $name);
                    $search or fail("dashboard '$item->{Description}' shows the saved search '$name', which RT does"
                        . " not have; add it to \@Attributes before the dashboard");
                    @portlet{qw(id privacy)} = ($search->id, 'RT::System-' . RT->System->Id);
                }
                \%portlet;
            } @{ $content{Panes}{$pane} }];
        }
        $content{Panes} = \%panes;
    }
    return \%content;
}

# The principal and object of an @ACL entry, resolved as RT's own loader does.
sub AceTarget {
    my ($self, $item) = @_;
    my $object;
    my $what = join ', ', map { "$_ => $item->{$_}" } grep { !ref $item->{$_} } sort keys %$item;
    if ($item->{CF}) {
        $object = RT::CustomField->new($self->{sys});
        $object->LoadByName(Name => $item->{CF}, ($item->{LookupType} ? (LookupType => $item->{LookupType}) : ()));
    } elsif ($item->{Queue}) {
        $object = RT::Queue->new($self->{sys});
        $object->Load($item->{Queue});
    } elsif (($item->{ObjectType} // '') eq 'RT::Group') {
        $object = RT::Group->new($self->{sys});
        $object->LoadUserDefinedGroup($item->{ObjectId});
    } elsif ($item->{ObjectType}) {
        $object = $item->{ObjectType}->new($self->{sys});
        $object->Load($item->{ObjectId});
    } else {
        $object = RT->System;
    }
    $object->id or fail("the \@ACL entry ($what) names an object RT does not have");
    my $principal;
    if (($item->{GroupDomain} // '') eq 'UserDefined') {
        $principal = RT::Group->new($self->{sys});
        $principal->LoadUserDefinedGroup($item->{GroupId});
    } elsif ($item->{UserId}) {
        $principal = RT::User->new($self->{sys});
        $principal->Load($item->{UserId});
    } else {
        fail("the \@ACL entry ($what) names neither a user (UserId) nor a user-defined group (GroupDomain 'UserDefined', GroupId)");
    }
    $principal->id or fail("the \@ACL entry ($what) names a user or group RT does not have; add it to \@Users or \@Groups");
    return ($principal, $object);
}

sub Described {
    my ($object) = @_;
    return 'RT (system-wide)' if $object->isa('RT::System');
    my ($kind) = ref($object) =~ /^RT::(\w+)$/;
    my %words = (Queue => 'queue', Group => 'group', CustomField => 'custom field', Class => 'article class');
    return ($words{$kind} // $kind) . ' ' . $object->Name;
}

# Each right granted to the principal itself (not through a group), so taking a right from a group
# never takes it from the plugin unnoticed and a revoked right shows as missing.
sub ACL {
    my ($self, $data) = @_;
    my %exact = map { $_->{Name} => {} } @{ $data->{Users} };
    for my $item (@{ $data->{ACL} }) {
        my ($principal, $object) = $self->AceTarget($item);
        my @rights = ref $item->{Right} ? @{ $item->{Right} } : ($item->{Right});
        my @granted;
        for my $right (@rights) {
            $exact{ $principal->Name }{ join "\0", $right, ref $object, $object->id } = 1
                if $principal->isa('RT::User') && $exact{ $principal->Name };
            my $ace = RT::ACE->new($self->{sys});
            $ace->LoadByValues(RightName => $right, Object => $object,
                PrincipalType => $principal->isa('RT::User') ? 'User' : 'Group', PrincipalId => $principal->PrincipalId);
            next if $ace->id;
            my ($ok, $msg) = $principal->PrincipalObj->GrantRight(Right => $right, Object => $object);
            $ok or fail("could not grant $right on " . Described($object) . ' to ' . $principal->Name . ": $msg");
            push @granted, $right;
        }
        $self->done($principal->Name . "'s " . join(' ', @granted) . ' on ' . Described($object)) if @granted;
    }
    for my $name (sort keys %exact) {
        my $user = RT::User->new($self->{sys});
        $user->Load($name);
        my $acl = RT::ACL->new($self->{sys});
        $acl->LimitToPrincipal(Id => $user->PrincipalId);
        for my $ace (@{ $acl->ItemsArrayRef }) {
            my $object = $ace->Object;
            next if $exact{$name}{ join "\0", $ace->RightName, ref $object, $object->id };
            my $right = $ace->RightName;
            my ($ok, $msg) = $ace->Delete;
            $ok or fail("could not revoke $right on " . Described($object) . " from $name: $msg");
            push @{ $self->{revoked} }, "$right on " . Described($object);
        }
    }
}

1;
