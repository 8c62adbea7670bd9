use strict;
use warnings;

package RT::Extension::SocialCare::Test;

=head1 NAME

RT::Extension::SocialCare::Test - RT::Test for this extension, kept off the RT it is installed in

=head1 SYNOPSIS

    use RT::Extension::SocialCare::Test tests => undef;
    RT::Extension::SocialCare::Test->load_schema;
    my ($base, $m) = RT::Test->started_ok;

    # An empty RT, without this extension's etc/initialdata (as before it had one):
    use RT::Extension::SocialCare::Test tests => undef, without_initialdata => 1;

=head1 DESCRIPTION

RT's own L<RT::Test> with this extension enabled, on a throwaway SQLite database. Beyond what
RT::Test does, it keeps every file it writes, and the port it serves on, away from the RT this
machine runs:

=over

=item * its temporary directory is under C<$SOCIALCARE_RT_TEST_TMP> (default
F</tmp/socialcare-rt-test-E<lt>uidE<gt>>), not F<t/tmp> in the source tree (which provisioning copies into RT);

=item * Mason's compiled components and web sessions go there too, not to F</var/cache/request-tracker5>;

=item * plugins are looked up there (a link to this source tree), not in RT's F<local/plugins>, where
an installed, older copy of this extension would otherwise win;

=item * the test server's port is above 20000 (RT::Test picks one between 1024 and 12047, where
this project's own servers listen).

=back

RT's library is found through C<$RT_LIB_PATH>, else Debian's F</usr/share/request-tracker5/lib>.

=cut

our @ISA;
BEGIN {
    my $rt_lib = $ENV{RT_LIB_PATH} || '/usr/share/request-tracker5/lib';
    unshift @INC, $rt_lib unless grep { $_ eq $rt_lib } @INC;
    local $@;
    eval { require RT::Test; 1 } or do {
        require Test::More;
        Test::More::BAIL_OUT("RT::Test did not load from $rt_lib: $@"
            . "Install Debian's request-tracker5 (it ships RT/Test.pm), or point RT_LIB_PATH at RT's lib directory.");
    };
    push @ISA, 'RT::Test';
}
use Cwd ();
use File::Path ();
use File::Spec;
use IO::Socket::INET;

# This source tree: lib/RT/Extension/SocialCare/Test.pm is four levels below it.
our $DIST = Cwd::abs_path(File::Spec->catdir((File::Spec->splitpath(Cwd::abs_path(__FILE__)))[1], ('..') x 4));

sub import {
    my $class = shift;
    my %args  = @_;
    # Debian's RT_Config.pm says SQLite already; an RT_TEST_DB_TYPE from elsewhere would need a DBA.
    $ENV{RT_TEST_DB_TYPE} //= 'SQLite';
    $args{requires} ||= [];
    unshift @{ $args{requires} }, 'RT::Extension::SocialCare';
    $class->SUPER::import(%args);
    $class->export_to_level(1);
    require RT::Extension::SocialCare;
}

# RT::Test makes its directory in ./t/tmp (below wherever prove runs); made from another directory, it
# lands under our own base instead (RT::Test keeps the path to itself, so it must create it).
sub bootstrap_tempdir {
    my $self = shift;
    # One per user: a directory another user made is not writable.
    my $base = $ENV{SOCIALCARE_RT_TEST_TMP} || File::Spec->catdir(File::Spec->tmpdir, "socialcare-rt-test-$<");
    File::Path::mkpath($base);
    my $cwd = Cwd::getcwd();
    chdir $base or die "cannot enter $base (SOCIALCARE_RT_TEST_TMP): $!";
    my $dir = eval { $self->SUPER::bootstrap_tempdir(@_) };
    my $error = $@;
    chdir $cwd or die "cannot return to $cwd: $!";
    die $error if $error;
    return $dir;
}

# Above 20000, away from the ports this project's servers use (8085, 8181, 1099, 44444 and theirs).
# The ports file is RT::Test's own, shared by parallel tests (prove -j).
sub find_idle_port {
    my $class = shift;
    use Fcntl qw(:DEFAULT :flock);
    my $file = File::Spec->catfile($class->temp_directory, '..', 'ports');
    sysopen(my $ports, $file, O_RDWR | O_CREAT) or die "cannot write RT::Test's ports file $file: $!";
    flock($ports, LOCK_EX) or die "cannot lock $file: $!";
    my %taken = map { $_ => 1 } split ' ', join '', <$ports>;
    for (1 .. 200) {
        my $port = 20001 + int rand 20000;
        next if $taken{$port};
        # Free when we can listen on it now (a race with other programs is possible, not likely).
        my $probe = IO::Socket::INET->new(LocalAddr => '127.0.0.1', LocalPort => $port, Listen => 1, ReuseAddr => 0)
            or next;
        close $probe;
        $taken{$port} = 1;
        seek $ports, 0, 0;
        truncate $ports, 0;
        print {$ports} "$_\n" for sort { $a <=> $b } keys %taken;
        close $ports or die "cannot write $file: $!";
        return $port;
    }
    die "no free TCP port found between 20001 and 40000 for RT::Test's web server";
}

# RT::Test loads the etc/initialdata of every plugin it enables, as `make initdb` would. An RT that
# earlier versions of this project provisioned never had it: `without_initialdata => 1` leaves the
# database as RT's own initial data made it, for tests that start from such an RT (t/upgrade.t).
sub bootstrap_plugins_db {
    my ($self, %args) = @_;
    return if $args{without_initialdata};
    return $self->SUPER::bootstrap_plugins_db(%args);
}

# Written into RT::Test's RT_SiteConfig.pm, which child processes (provision.pl) read too.
sub bootstrap_more_config {
    my ($self, $config, $args) = @_;
    my $tmp = $self->temp_directory;
    my $plugins = File::Spec->catdir($tmp, 'plugins');
    File::Path::mkpath($plugins);
    symlink $DIST, File::Spec->catdir($plugins, 'RT-Extension-SocialCare')
        or die "cannot link $plugins/RT-Extension-SocialCare to $DIST: $!";
    print {$config} <<"END";
# RT::Extension::SocialCare::Test: nothing of the installed RT's is read or written.
\$RT::LocalPluginPath = q{$plugins};
\$RT::PluginPath = q{$plugins};
\$RT::MasonDataDir = q{$tmp/mason_data};
\$RT::MasonSessionDir = q{$tmp/session_data};
\$RT::VarPath = q{$tmp/var};
END
    return;
}

=head1 METHODS

=head2 load_schema

Loads Social Care Bridge's schema into the test database the way C<./socialcare provision> does,
by running the project's F<descriptors/host/rt/provision.pl> in a child process on RT::Test's
configuration (C<RT_SITE_CONFIG>). Dies with its output when it fails. Returns its output.

=cut

sub load_schema {
    my $class = shift;
    my $provision = $ENV{SOCIALCARE_PROVISION}
        || File::Spec->catfile($DIST, ('..') x 4, qw(descriptors host rt provision.pl));
    -f $provision or die "no provisioning script at $provision: set SOCIALCARE_PROVISION to provision.pl's path\n";
    return $class->run_script($provision);
}

=head2 plugin_user

    my $plugin = RT::Extension::SocialCare::Test->plugin_user('plugin-secret-for-tests');

The plugin's user C<socialcare> as provisioning made it (after L</load_schema>), given this password so
that a test may log in as it. Two checks: the user exists (else the test bails out) and the password took.

=cut

sub plugin_user {
    my ($class, $password) = @_;
    my $plugin = RT::User->new(RT->SystemUser);
    $plugin->Load('socialcare');
    Test::More::ok($plugin->id, 'the provisioning created the plugin user') or Test::More::BAIL_OUT('no socialcare user');
    my ($set) = $plugin->SetPassword($password);
    Test::More::ok($set, 'the plugin user gets a password for this test');
    return $plugin;
}

=head2 run_script

    my $out = RT::Extension::SocialCare::Test->run_script('t/data/layout-0.2.0/provision.pl');

Runs a Perl script that does C<RT::LoadConfig(); RT::Init()> (a provisioner of this or an earlier
layout) in a child process on RT::Test's configuration, so that it works on the test database. Dies
with its output when it fails. Returns its output (standard output and error).

=cut

sub run_script {
    my ($class, $script, @args) = @_;
    -f $script or die "no script at $script\n";
    $ENV{RT_SITE_CONFIG} or die "RT::Test has not written its configuration yet: use RT::Extension::SocialCare::Test first\n";
    # RT_SITE_CONFIG and RT_SITE_CONFIG_DIR (set by RT::Test) make the child use the test database.
    my $out = `$^X -I\Q$DIST/lib\E \Q$script\E @{[ map { quotemeta } @args ]} 2>&1`;
    die "$script failed on the test database (exit " . ($? >> 8) . "):\n$out" if $?;
    return $out;
}

1;
