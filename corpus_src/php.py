"""Labelled intent cases for PHP (corpus part B).

Comment syntaxes: `//`, `#`, `/* */`, `/** */`. PHP 8 attributes (`#[Route(...)]`) start
with `#` but are code, not comments. `<?php` counts as a code line for the small-file rule.
"""

from _helpers import Cases, crlf

case = Cases("php")


CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/slugify-title",
        "src/Support/Slugger.php",
        r"""<?php

declare(strict_types=1);

namespace App\Support;

use Illuminate\Support\Str;

final class Slugger
{
    public function __construct(private readonly int $maxLength = 80)
    {
    }

    public function slug(string $title): string
    {
        // lowercase the title, replace spaces with dashes and cut it to maxLength
        █
    }
}
""",
        "lowercase the title, replace spaces with dashes and cut it to maxLength",
        note="the comment sits inside an otherwise empty method: rule 2 comes before rule 5",
    ),
    case.comment(
        "comment/hash-comment-mid-method",
        "app/Http/Controllers/InvoiceController.php",
        r"""<?php

namespace App\Http\Controllers;

use App\Models\Invoice;
use Illuminate\Http\Request;

class InvoiceController extends Controller
{
    public function store(Request $request)
    {
        $data = $request->validate([
            'customer_id' => 'required|integer',
            'amount' => 'required|numeric|min:0',
        ]);

        # create the invoice and queue the PDF rendering job

        █
        return redirect()->route('invoices.index');
    }
}
""",
        "create the invoice and queue the PDF rendering job",
        note="a blank line between the comment and the cursor is allowed",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/line-comments",
        "src/Repository/OrderRepository.php",
        r"""<?php

namespace App\Repository;

use PDO;

class OrderRepository
{
    public function __construct(private PDO $pdo)
    {
    }

    // Find all orders placed in the given month.
    // Join the customers table so each row carries the customer's email,
    // and sort by the order date, newest first.
    █
}
""",
        "Find all orders placed in the given month.\n"
        "Join the customers table so each row carries the customer's email,\n"
        "and sort by the order date, newest first.",
    ),
    case.comment(
        "multiline-comment/block-comment",
        "lib/csv_export.php",
        r"""<?php

require_once __DIR__ . '/db.php';

$pdo = connect();
$rows = $pdo->query('SELECT id, name, email FROM users')->fetchAll();

/*
 * Write $rows to php://output as CSV with a header line,
 * escaping quotes, and send a Content-Disposition header first
 * so the browser downloads users.csv.
 */
█
""",
        "Write $rows to php://output as CSV with a header line,\n"
        "escaping quotes, and send a Content-Disposition header first\n"
        "so the browser downloads users.csv.",
    ),
    case.comment(
        "multiline-comment/only-last-run",
        "src/Auth/PasswordHasher.php",
        r"""<?php

namespace App\Auth;

// Helpers for storing and checking user passwords.

final class PasswordHasher
{
    private const COST = 12;

    // hash the password with bcrypt using self::COST
    // and return the hash string
    █
}
""",
        "hash the password with bcrypt using self::COST\nand return the hash string",
        note="the earlier comment above the class is separated by code, so it is not part of the block",
    ),
    # --- non-english -------------------------------------------------------------------------
    case.comment(
        "non-english/chinese",
        "src/Service/CartService.php",
        r"""<?php

namespace App\Service;

use App\Entity\Cart;
use App\Entity\Product;

class CartService
{
    public function total(Cart $cart): float
    {
        $sum = 0.0;
        foreach ($cart->items() as $item) {
            $sum += $item->price() * $item->quantity();
        }
        return $sum;
    }

    // 计算购物车的折扣：满100减10，会员再打九折
    █
}
""",
        "计算购物车的折扣：满100减10，会员再打九折",
    ),
    case.comment(
        "non-english/german-block",
        "src/Mail/Newsletter.php",
        r"""<?php

namespace App\Mail;

use App\Models\Subscriber;
use Illuminate\Support\Facades\Mail;

class Newsletter
{
    /*
     * Sende den Newsletter an alle aktiven Abonnenten
     * und protokolliere fehlgeschlagene Zustellungen.
     */
    █
}
""",
        "Sende den Newsletter an alle aktiven Abonnenten\nund protokolliere fehlgeschlagene Zustellungen.",
    ),
    case.comment(
        "non-english/russian-hash",
        "bin/cleanup.php",
        r"""<?php

$dir = __DIR__ . '/../storage/tmp';
$maxAge = 7 * 24 * 3600;
$now = time();
$removed = 0;

# удалить файлы старше $maxAge секунд и вывести их количество
█
""",
        "удалить файлы старше $maxAge секунд и вывести их количество",
    ),
    # --- on-comment ------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-line-comment",
        "src/Http/Kernel.php",
        r"""<?php

namespace App\Http;

class Kernel
{
    protected array $middleware = [
        \App\Http\Middleware\TrustProxies::class,
        \App\Http\Middleware\TrimStrings::class,
    ];

    // register the rate limiter for the api group█
}
""",
        note="the user is still typing the comment",
    ),
    case.completion(
        "on-comment/start-of-comment-line",
        "src/Http/Kernel.php",
        r"""<?php

namespace App\Http;

class Kernel
{
    protected array $middleware = [
        \App\Http\Middleware\TrustProxies::class,
        \App\Http\Middleware\TrimStrings::class,
    ];

█    // register the rate limiter for the api group
}
""",
        note="column 0 of a comment line is still on the comment",
    ),
    case.completion(
        "on-comment/inside-docblock",
        "src/Model/User.php",
        r"""<?php

namespace App\Model;

class User
{
    /**
     * Returns the user's display name, falling back█ to the email.
     */
    public function displayName(): string
    {
        return $this->name ?? $this->email;
    }
}
""",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "config/app.php",
        r"""<?php

return [
    'name' => env('APP_NAME', 'Shop'),
    'env' => env('APP_ENV', 'production'),
    'debug' => (bool) env('APP_DEBUG', false),█ // never true in production
    'timezone' => 'UTC',
];
""",
        note="the cursor line ends with a trailing comment",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/dump-call",
        "src/Controller/ReportController.php",
        r"""<?php

namespace App\Controller;

class ReportController
{
    public function index(): array
    {
        $reports = $this->repository->findAll();
        // var_dump($reports);
        // $reports = array_slice($reports, 0, 10);

        █
        return ['reports' => $reports];
    }
}
""",
    ),
    case.comment(
        "commented-out-code/mixed-with-prose",
        "src/Jobs/SyncStock.php",
        r"""<?php

namespace App\Jobs;

class SyncStock
{
    public function handle(): void
    {
        $products = $this->api->products();
        // push every product's stock level to the warehouse API
        // $this->logger->debug('sync', $products);
        █
    }
}
""",
        "push every product's stock level to the warehouse API",
        note="the commented-out call is dropped from the block; the prose line remains",
    ),
    # --- directive -------------------------------------------------------------------------
    case.completion(
        "directive/phpstan-ignore",
        "src/Legacy/Registry.php",
        r"""<?php

namespace App\Legacy;

class Registry
{
    private static array $items = [];

    public static function get(string $key)
    {
        // @phpstan-ignore-next-line
        █
        return self::$items[$key];
    }
}
""",
    ),
    case.completion(
        "directive/phpcs-disable",
        "src/Legacy/helpers.php",
        r"""<?php

ini_set('display_errors', '0');
error_reporting(E_ALL);
date_default_timezone_set('UTC');
mb_internal_encoding('UTF-8');
setlocale(LC_ALL, 'en_US.UTF-8');

// phpcs:disable PSR1.Files.SideEffects
█
""",
    ),
    case.completion(
        "directive/attribute-is-code",
        "src/Controller/HealthController.php",
        r"""<?php

namespace App\Controller;

use Symfony\Component\HttpFoundation\JsonResponse;
use Symfony\Component\Routing\Annotation\Route;

class HealthController
{
    #[Route('/health', name: 'health', methods: ['GET'])]
    █
}
""",
        note="#[...] is a PHP 8 attribute, not a # comment",
    ),
    # --- header ----------------------------------------------------------------------------
    case.completion(
        "header/license-docblock",
        "src/Kernel.php",
        r"""<?php

/*
 * This file is part of the Acme Shop package.
 *
 * (c) Acme Corporation <dev@acme.test>
 *
 * For the full copyright and license information, please view the LICENSE
 * file that was distributed with this source code.
 */

█
namespace App;

use Symfony\Bundle\FrameworkBundle\Kernel\MicroKernelTrait;
use Symfony\Component\HttpKernel\Kernel as BaseKernel;

class Kernel extends BaseKernel
{
    use MicroKernelTrait;
}
""",
    ),
    case.completion(
        "header/shebang-cli",
        "bin/console",
        r"""#!/usr/bin/env php
█
<?php

use App\Kernel;
use Symfony\Bundle\FrameworkBundle\Console\Application;

require_once dirname(__DIR__) . '/vendor/autoload_runtime.php';

return function (array $context) {
    $kernel = new Kernel($context['APP_ENV'], (bool) $context['APP_DEBUG']);
    return new Application($kernel);
};
""",
    ),
    # --- separator -------------------------------------------------------------------------
    case.completion(
        "separator/dashes",
        "routes/web.php",
        r"""<?php

use App\Http\Controllers\HomeController;
use App\Http\Controllers\ProfileController;
use Illuminate\Support\Facades\Route;

Route::get('/', [HomeController::class, 'index']);
Route::get('/about', [HomeController::class, 'about']);

// -----------------------------------------------------------------------------
█
""",
    ),
    # --- short-comment ---------------------------------------------------------------------
    case.completion(
        "short-comment/ok",
        "src/Validator/EmailValidator.php",
        r"""<?php

namespace App\Validator;

class EmailValidator
{
    public function validate(string $email): bool
    {
        $email = trim($email);
        // ok
        █
        return filter_var($email, FILTER_VALIDATE_EMAIL) !== false;
    }
}
""",
    ),
    # --- empty-function --------------------------------------------------------------------
    case.empty_function(
        "empty-function/method-in-class",
        "src/Service/InvoiceNumberGenerator.php",
        r"""<?php

namespace App\Service;

use App\Repository\InvoiceRepository;

class InvoiceNumberGenerator
{
    public function __construct(private InvoiceRepository $invoices)
    {
        $this->prefix = 'INV';
    }

    public function next(int $year): string
    {
        █
    }
}
""",
    ),
    case.empty_function(
        "empty-function/closure-argument",
        "app/Providers/EventServiceProvider.php",
        r"""<?php

namespace App\Providers;

use App\Events\OrderShipped;
use Illuminate\Support\Facades\Event;
use Illuminate\Support\ServiceProvider;

class EventServiceProvider extends ServiceProvider
{
    public function boot(): void
    {
        Event::listen(OrderShipped::class, function (OrderShipped $event) {
            █
        });
    }
}
""",
        note="the closure is empty even though boot() is not",
    ),
    case.empty_function(
        "empty-function/same-line-braces",
        "src/functions.php",
        r"""<?php

function format_price(int $cents): string
{
    return number_format($cents / 100, 2) . ' EUR';
}

function format_date(DateTimeInterface $date): string {█}

$price = format_price(1999);
echo $price;
""",
    ),
    # --- empty-block -----------------------------------------------------------------------
    case.completion(
        "empty-block/if-body",
        "src/Security/Voter.php",
        r"""<?php

namespace App\Security;

class Voter
{
    public function canEdit(User $user, Post $post): bool
    {
        if ($user->isBanned()) {
            █
        }
        return $post->author()->is($user);
    }
}
""",
    ),
    case.empty_function(
        "empty-block/class-body",
        "src/Exception/PaymentFailed.php",
        r"""<?php

declare(strict_types=1);

namespace App\Exception;

use RuntimeException;

final class PaymentFailed extends RuntimeException
{
    █
}
""",
        note="team precision 1 (rule 5): an empty class body is an empty definition; the user wants its members generated",
    ),
    # --- small-file ------------------------------------------------------------------------
    case.small_file(
        "small-file/imports-only",
        "src/Http/Controllers/Api/UserController.php",
        r"""<?php

use App\Models\User;
use Illuminate\Http\JsonResponse;

█
""",
    ),
    case.small_file(
        "small-file/comment-heavy",
        "public/index.php",
        r"""<?php

/**
 * Front controller: every web request enters the application here.
 * The web server rewrites all paths that are not files to this script.
 */

require __DIR__ . '/../vendor/autoload.php';
█
""",
        note="two code lines and a docblock; the cursor follows code, not the comment",
    ),
    # --- completion ------------------------------------------------------------------------
    case.completion(
        "completion/after-arrow",
        "src/Controller/UserController.php",
        r"""<?php

namespace App\Controller;

class UserController
{
    public function show(int $id): array
    {
        $user = $this->users->find($id);
        return ['name' => $user->█];
    }
}
""",
    ),
    case.completion(
        "completion/argument-list",
        "src/Service/Mailer.php",
        r"""<?php

namespace App\Service;

class Mailer
{
    public function welcome(User $user): void
    {
        $subject = 'Welcome to the shop';
        $this->transport->send($user->email, $subject, █);
    }
}
""",
    ),
    # --- docstring -------------------------------------------------------------------------
    case.comment(
        "docstring/phpdoc-above-blank",
        "src/Util/Arr.php",
        r"""<?php

namespace App\Util;

final class Arr
{
    public static function first(array $items): mixed
    {
        return $items[array_key_first($items)] ?? null;
    }

    /**
     * Group the items by the value of the given key,
     * keeping the original order inside each group.
     */
    █
}
""",
        "Group the items by the value of the given key,\nkeeping the original order inside each group.",
    ),
    # --- scope -----------------------------------------------------------------------------
    case.completion(
        "scope/comment-inside-closed-method",
        "src/Service/TaxCalculator.php",
        r"""<?php

namespace App\Service;

class TaxCalculator
{
    public function vat(float $net): float
    {
        return round($net * 0.19, 2);
        // round to whole cents before returning
    }
█
}
""",
        note="the comment belongs to the closed method body; the closing brace separates it",
    ),
    case.completion(
        "scope/comment-separated-by-code",
        "src/Service/TaxCalculator.php",
        r"""<?php

namespace App\Service;

class TaxCalculator
{
    public function gross(float $net): float
    {
        // add 19 percent VAT
        $gross = $net * 1.19;

        █
        return $gross;
    }
}
""",
    ),
    # --- unicode ---------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-in-string",
        "src/Notifier/SlackNotifier.php",
        r"""<?php

namespace App\Notifier;

class SlackNotifier
{
    public function deployed(string $version): void
    {
        $text = "🚀 已部署 {$version} ✅";
        $this->client->post(['text' => $text, 'channel' => █]);
    }
}
""",
        note="emoji are two UTF-16 code units each; the column must count them so",
    ),
    # --- crlf ------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "src/Util/Money.php",
        crlf(
            r"""<?php

namespace App\Util;

final class Money
{
    public function __construct(public readonly int $cents, public readonly string $currency)
    {
    }

    // add two amounts of the same currency, throw on a currency mismatch
    █
}
"""
        ),
        "add two amounts of the same currency, throw on a currency mismatch",
    ),
    case.completion(
        "crlf/completion",
        "src/Util/Money.php",
        crlf(
            r"""<?php

namespace App\Util;

final class Money
{
    public function format(): string
    {
        return sprintf('%d.%02d %s', intdiv($this->cents, 100), $this->cents % 100, █);
    }
}
"""
        ),
    ),
    # --- edge cases --------------------------------------------------------------------------
    case.completion(
        "separator/around-instruction",
        "src/Search/Indexer.php",
        r"""<?php

namespace App\Search;

class Indexer
{
    public function __construct(private Client $client)
    {
    }

    // -------------------------------------------------------------------------
    // rebuild the products index in batches of 500 and swap the alias at the end
    // -------------------------------------------------------------------------
    █
}
""",
        note="team precision 2 (rule 2): the block's last line is a separator (no letter or digit), an empty comment, so no instruction lies directly above the cursor",
    ),
    case.comment(
        "directive/with-prose",
        "src/Legacy/Registry.php",
        r"""<?php

namespace App\Legacy;

class Registry
{
    private static array $items = [];

    public static function remember(string $key, callable $factory): mixed
    {
        // @phpstan-ignore-next-line
        // return the cached item or build it with $factory and cache it
        █
    }
}
""",
        "return the cached item or build it with $factory and cache it",
        note="the directive line is dropped from the block",
    ),
    case.comment(
        "header/then-instruction",
        "src/Kernel.php",
        r"""<?php

/*
 * Copyright (c) Acme Corporation.
 * Licensed under the MIT license.
 */

// register the console commands found under src/Command
█
""",
        "register the console commands found under src/Command",
        note="the header block is separated by a blank line; the instruction is its own run",
    ),
    case.completion(
        "on-comment/small-file",
        "src/helpers.php",
        r"""<?php

// format a price in cents as euros█
""",
        note="rule 1 comes before the small-file rule",
    ),
    case.completion(
        "completion/blank-line-above-comment",
        "src/Service/Cart.php",
        r"""<?php

namespace App\Service;

class Cart
{
    private array $items = [];
    █

    // add an item to the cart
    public function add(string $sku): void
    {
        $this->items[] = $sku;
    }
}
""",
        note="the comment is below the cursor, not above it",
    ),
    # --- team precisions (docs/intent.md) ------------------------------------------------
    case.empty_function(
        "type-body/empty-interface",
        "src/Payment/Gateway.php",
        r"""<?php

namespace App\Payment;

use App\Money;

interface Gateway
{
    █
}
""",
        note="team precision 1 (rule 5): an empty interface body is an empty definition",
    ),
]
