"""Labelled intent cases for Perl (corpus part B).

Comment syntaxes: `#` and POD (`=pod`/`=head1` ... `=cut`), which counts as a block comment.
`## no critic` (Perl::Critic) and editor mode lines are directives. Named and anonymous `sub`s
are functions; `if`/`foreach` blocks and list assignments are not.
"""

from _helpers import Cases, crlf

case = Cases("perl")


CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/top-level",
        "bin/rotate_logs.pl",
        r"""use strict;
use warnings;
use File::Basename qw(basename);
use File::Copy qw(move);

my $dir  = shift @ARGV // '/var/log/shop';
my $keep = 7;

# gzip every *.log file older than one day and delete archives beyond $keep
█
""",
        "gzip every *.log file older than one day and delete archives beyond $keep",
    ),
    case.comment(
        "comment/in-sub",
        "lib/Shop/Cart.pm",
        r"""package Shop::Cart;

use strict;
use warnings;

sub new {
    my ($class, %args) = @_;
    return bless { items => {}, %args }, $class;
}

sub add {
    my ($self, $sku, $qty) = @_;
    # increase the quantity when the sku is already in the cart, else insert it

    █
}

1;
""",
        "increase the quantity when the sku is already in the cart, else insert it",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/hash-lines",
        "lib/Shop/Import.pm",
        r"""package Shop::Import;

use strict;
use warnings;
use Text::CSV;

my $csv = Text::CSV->new({ binary => 1, auto_diag => 1 });

# Read the CSV file given as the first argument.
# Skip the header row and any row whose sku column is empty,
# and return a list of hash refs keyed by the header names.
█

1;
""",
        "Read the CSV file given as the first argument.\n"
        "Skip the header row and any row whose sku column is empty,\n"
        "and return a list of hash refs keyed by the header names.",
    ),
    case.comment(
        "multiline-comment/only-last-run",
        "lib/Shop/Mailer.pm",
        r"""package Shop::Mailer;

# Sending of transactional emails.

use strict;
use warnings;
use Email::Stuffer;

my $FROM = 'shop@acme.test';

# send the order confirmation to the customer
# with the invoice PDF attached
█

1;
""",
        "send the order confirmation to the customer\nwith the invoice PDF attached",
    ),
    # --- non-english -------------------------------------------------------------------------
    case.comment(
        "non-english/spanish",
        "lib/Shop/Stock.pm",
        r"""package Shop::Stock;

use strict;
use warnings;
use DBI;

my $dbh = DBI->connect('dbi:Pg:dbname=shop', '', '', { RaiseError => 1 });

# devuelve los productos cuyo stock está por debajo del mínimo, ordenados por sku
█

1;
""",
        "devuelve los productos cuyo stock está por debajo del mínimo, ordenados por sku",
    ),
    case.comment(
        "non-english/korean",
        "scripts/report.pl",
        r"""use strict;
use warnings;
use List::Util qw(sum);

my %sales = (seoul => [120, 80], busan => [60, 45], incheon => [30]);
my @cities = sort keys %sales;
my $total = sum map { sum @{ $sales{$_} } } @cities;

# 도시별 매출 합계를 내림차순으로 출력한다
█
""",
        "도시별 매출 합계를 내림차순으로 출력한다",
    ),
    # --- on-comment ------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "lib/Shop/Tax.pm",
        r"""package Shop::Tax;

use strict;
use warnings;

my %RATES = (de => 0.19, fr => 0.20, lu => 0.17);

sub rate { return $RATES{ lc $_[0] } }

# look up the rate for a country and fall back to the█

1;
""",
    ),
    case.completion(
        "on-comment/inside-pod",
        "lib/Shop/Tax.pm",
        r"""package Shop::Tax;

use strict;
use warnings;

=head1 NAME

Shop::Tax - VAT rates per█ country

=cut

my %RATES = (de => 0.19, fr => 0.20, lu => 0.17);

sub rate { return $RATES{ lc $_[0] } }

1;
""",
        note="a line inside POD is inside a block comment",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "lib/Shop/Config.pm",
        r"""package Shop::Config;

use strict;
use warnings;

our %CONFIG = (
    port      => 8080,
    workers   => 4,█ # one per core
    log_level => 'info',
);

1;
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/dumper",
        "lib/Shop/Orders.pm",
        r"""package Shop::Orders;

use strict;
use warnings;
use Data::Dumper;

sub recent {
    my ($self, $limit) = @_;
    my $rows = $self->{dbh}->selectall_arrayref('SELECT * FROM orders', { Slice => {} });
    # print Dumper($rows);
    # $limit = 10 unless defined $limit;
    █
    return [ @{$rows}[0 .. $limit - 1] ];
}

1;
""",
    ),
    # --- directive -------------------------------------------------------------------------
    case.completion(
        "directive/no-critic",
        "lib/Shop/Legacy.pm",
        r"""package Shop::Legacy;

use strict;
use warnings;

sub run_code {
    my ($code) = @_;
    ## no critic (ProhibitStringyEval)
    █
    return eval $code;
}

1;
""",
        note="a Perl::Critic annotation is a linter directive (rule 3)",
    ),
    case.completion(
        "directive/vim-modeline",
        "lib/Shop/Util.pm",
        r"""package Shop::Util;

use strict;
use warnings;

sub trim { my $s = shift; $s =~ s/^\s+|\s+$//g; return $s }
sub is_blank { return !defined $_[0] || $_[0] =~ /^\s*$/ }

1;

# vim: set ts=4 sw=4 et:
█
""",
    ),
    # --- header ----------------------------------------------------------------------------
    case.completion(
        "header/shebang-and-encoding",
        "bin/shop-cli",
        r"""#!/usr/bin/perl
# -*- coding: utf-8 -*-
█
use strict;
use warnings;
use Getopt::Long;

GetOptions('verbose' => \my $verbose, 'config=s' => \my $config)
    or die "usage: shop-cli [--verbose] [--config FILE]\n";
print "config: $config\n" if $verbose;
""",
    ),
    case.completion(
        "header/license-pod",
        "lib/Shop/Money.pm",
        r"""package Shop::Money;

=head1 COPYRIGHT AND LICENSE

Copyright (c) 2024 Acme Shop GmbH.
This library is free software; you may redistribute it under the same terms as Perl itself.

=cut

█
use strict;
use warnings;

sub new { my ($class, %a) = @_; return bless {%a}, $class }
sub cents { return $_[0]{cents} }

1;
""",
    ),
    # --- separator -------------------------------------------------------------------------
    case.completion(
        "separator/hashes",
        "lib/Shop/Routes.pm",
        r"""package Shop::Routes;

use strict;
use warnings;
use Dancer2;

get '/' => sub { template 'index' };
get '/health' => sub { 'ok' };

##############################################################################
█

1;
""",
    ),
    # --- short-comment ---------------------------------------------------------------------
    case.completion(
        "short-comment/ok",
        "lib/Shop/Routes.pm",
        r"""package Shop::Routes;

use strict;
use warnings;
use Dancer2;

get '/' => sub { template 'index' };
get '/health' => sub { 'ok' };

# ok
█

1;
""",
    ),
    # --- empty-function --------------------------------------------------------------------
    case.empty_function(
        "empty-function/sub",
        "lib/Shop/Invoice.pm",
        r"""package Shop::Invoice;

use strict;
use warnings;
use POSIX qw(strftime);

sub new {
    my ($class, %args) = @_;
    return bless { lines => [], %args }, $class;
}

sub total {
    █
}

1;
""",
    ),
    case.empty_function(
        "empty-function/anonymous-sub",
        "lib/Shop/Routes.pm",
        r"""package Shop::Routes;

use strict;
use warnings;
use Dancer2;

get '/' => sub { template 'index' };

post '/orders' => sub {
    █
};

1;
""",
        note="an anonymous sub passed as a route handler",
    ),
    case.empty_function(
        "empty-function/same-line",
        "lib/Shop/Hooks.pm",
        r"""package Shop::Hooks;

use strict;
use warnings;

my %HOOKS = (
    before_save => sub {█},
    after_save  => sub { return 1 },
);

1;
""",
    ),
    # --- empty-block -----------------------------------------------------------------------
    case.completion(
        "empty-block/foreach",
        "scripts/cleanup.pl",
        r"""use strict;
use warnings;

my $dir = '/tmp/shop';
opendir(my $dh, $dir) or die "cannot open $dir: $!";
my @old = grep { -M "$dir/$_" > 7 } readdir $dh;
foreach my $file (@old) {
    █
}
closedir $dh;
""",
    ),
    case.completion(
        "empty-block/hash-list",
        "lib/Shop/Defaults.pm",
        r"""package Shop::Defaults;

use strict;
use warnings;

our %LIMITS = (max_items => 50, max_qty => 10);

our %MESSAGES = (
    █
);

1;
""",
        note="a list assignment is not a function body",
    ),
    # --- small-file ------------------------------------------------------------------------
    case.small_file(
        "small-file/pragmas-only",
        "lib/Shop/Base.pm",
        r"""use strict;
use warnings;

█
""",
    ),
    case.small_file(
        "small-file/pod-heavy",
        "lib/Shop.pm",
        r"""package Shop;

=head1 NAME

Shop - the Acme web shop

=head1 DESCRIPTION

Loads the application modules. See Shop::Routes for the HTTP routes.

=cut

our $VERSION = '2.1.0';
█
""",
        note="two code lines; POD counts as comment",
    ),
    # --- completion ------------------------------------------------------------------------
    case.completion(
        "completion/method-call",
        "lib/Shop/Users.pm",
        r"""package Shop::Users;

use strict;
use warnings;

sub find_by_email {
    my ($self, $email) = @_;
    my $sth = $self->{dbh}->prepare('SELECT * FROM users WHERE email = ?');
    $sth->execute(lc $email);
    return $sth->█
}

1;
""",
    ),
    case.completion(
        "completion/argument-list",
        "lib/Shop/Users.pm",
        r"""package Shop::Users;

use strict;
use warnings;
use Digest::SHA qw(hmac_sha256_hex);

sub token_for {
    my ($self, $user) = @_;
    return hmac_sha256_hex($user->{id} . ':' . time, █);
}

1;
""",
    ),
    # --- docstring -------------------------------------------------------------------------
    case.comment(
        "docstring/pod-block",
        "lib/Shop/Slug.pm",
        r"""package Shop::Slug;

use strict;
use warnings;
use Unicode::Normalize qw(NFKD);

my $MAX = 60;

=pod

Returns the slug of a title: lowercase ASCII words joined by dashes,
at most $MAX characters long.

=cut

█

1;
""",
        "Returns the slug of a title: lowercase ASCII words joined by dashes,\n"
        "at most $MAX characters long.",
        note="POD between =pod and =cut is a block comment; the markers are comment syntax",
    ),
    # --- scope -----------------------------------------------------------------------------
    case.completion(
        "scope/comment-in-closed-sub",
        "lib/Shop/Audit.pm",
        r"""package Shop::Audit;

use strict;
use warnings;

sub log_event {
    my ($event, %meta) = @_;
    warn "$event\n";
    # also write the event to the audit table
}
█

1;
""",
    ),
    case.completion(
        "scope/comment-then-code",
        "lib/Shop/Audit.pm",
        r"""package Shop::Audit;

use strict;
use warnings;

sub log_event {
    my ($event, %meta) = @_;
    # events go to STDERR
    my $line = join ' ', $event, map { "$_=$meta{$_}" } sort keys %meta;

    █
}

1;
""",
    ),
    # --- unicode ---------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-string",
        "scripts/greet.pl",
        r"""use strict;
use warnings;
use utf8;
binmode STDOUT, ':encoding(UTF-8)';

my $name = shift // 'world';
print "🎉 Grüße, $name! 你好 ", █;
""",
    ),
    # --- crlf ------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "lib/Shop/Coupon.pm",
        crlf(
            r"""package Shop::Coupon;

use strict;
use warnings;

sub new { my ($class, %a) = @_; return bless {%a}, $class }

# return true when the coupon has not expired and still has uses left
█

1;
"""
        ),
        "return true when the coupon has not expired and still has uses left",
    ),
    # --- edge cases --------------------------------------------------------------------------
    case.comment(
        "directive/with-prose",
        "lib/Shop/Legacy.pm",
        r"""package Shop::Legacy;

use strict;
use warnings;

sub load_plugin {
    my ($name) = @_;
    ## no critic (ProhibitStringyEval)
    # require the plugin module by name and return its new() instance
    █
}

1;
""",
        "require the plugin module by name and return its new() instance",
        note="the Perl::Critic directive line is dropped from the block",
    ),
    case.completion(
        "separator/around-instruction",
        "lib/Shop/Report.pm",
        r"""package Shop::Report;

use strict;
use warnings;
use List::Util qw(sum0);

my @COLUMNS = qw(date orders revenue);

#-----------------------------------------------------------------------------
# print one CSV line per day with the order count and the revenue in euros
#-----------------------------------------------------------------------------
█

1;
""",
        note="team precision 2 (rule 2): the block's last line is a separator (no letter or digit), an empty comment, so no instruction lies directly above the cursor",
    ),
    case.comment(
        "header/shebang-then-instruction",
        "bin/dedupe.pl",
        r"""#!/usr/bin/env perl
# read lines from STDIN and print each distinct line once, keeping the order
█
""",
        "read lines from STDIN and print each distinct line once, keeping the order",
        note="the shebang line is dropped from the block; the prose line remains",
    ),
    case.completion(
        "on-comment/small-file",
        "lib/Shop/Const.pm",
        r"""package Shop::Const;
use constant VAT => 0.19; # Germany█
1;
""",
    ),
]
