'''Labelled intent cases for Elixir (corpus part B).

Comment syntax: `#`. `@doc """..."""` and `@moduledoc """..."""` heredocs count as doc
comments: a blank line right after one takes the heredoc text as the instruction.
`@doc false` is an attribute, not a comment. `def`/`defp`/`fn` bodies are functions;
`defmodule`, `if`, `case` bodies are not.
'''

from _helpers import Cases, crlf

case = Cases("elixir")


CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/in-function",
        "lib/shop/orders.ex",
        r"""defmodule Shop.Orders do
  import Ecto.Query
  alias Shop.Repo
  alias Shop.Orders.Order

  def list_recent(customer_id) do
    query = from o in Order, where: o.customer_id == ^customer_id
    # order by inserted_at descending and take the 20 most recent
    █
  end
end
""",
        "order by inserted_at descending and take the 20 most recent",
    ),
    case.comment(
        "comment/module-level",
        "lib/shop/pricing.ex",
        r"""defmodule Shop.Pricing do
  @vat_rate Decimal.new("0.19")

  def net_to_gross(net) do
    Decimal.mult(net, Decimal.add(1, @vat_rate))
  end

  # round a Decimal price to the nearest 0.05 for cash payments

  █
end
""",
        "round a Decimal price to the nearest 0.05 for cash payments",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/hash-lines",
        "lib/shop_web/plugs/rate_limit.ex",
        r"""defmodule ShopWeb.Plugs.RateLimit do
  import Plug.Conn

  def init(opts), do: Keyword.put_new(opts, :limit, 100)

  # Count requests per client IP in an ETS table with a one-minute window.
  # When the count is above opts[:limit], respond with 429 and halt the conn;
  # otherwise pass the conn through unchanged.
  █
end
""",
        "Count requests per client IP in an ETS table with a one-minute window.\n"
        "When the count is above opts[:limit], respond with 429 and halt the conn;\n"
        "otherwise pass the conn through unchanged.",
    ),
    case.comment(
        "multiline-comment/only-last-run",
        "lib/shop/accounts.ex",
        r"""defmodule Shop.Accounts do
  alias Shop.Repo
  alias Shop.Accounts.User

  # Users and sessions.

  def get_user!(id), do: Repo.get!(User, id)

  # find a user by email, case-insensitively,
  # and return nil when there is none
  █
end
""",
        "find a user by email, case-insensitively,\nand return nil when there is none",
    ),
    # --- non-english -------------------------------------------------------------------------
    case.comment(
        "non-english/german",
        "lib/shop/shipping.ex",
        r"""defmodule Shop.Shipping do
  @free_shipping_threshold 5_000

  def free?(order) do
    order.total_cents >= @free_shipping_threshold
  end

  # Versandkosten nach Gewicht berechnen: bis 2 kg 4,99 €, darüber 6,99 €
  █
end
""",
        "Versandkosten nach Gewicht berechnen: bis 2 kg 4,99 €, darüber 6,99 €",
    ),
    case.comment(
        "non-english/arabic",
        "lib/shop/notifications.ex",
        r"""defmodule Shop.Notifications do
  alias Shop.Mailer
  alias Shop.Emails

  def order_confirmed(order) do
    order |> Emails.confirmation() |> Mailer.deliver_later()
  end

  # أرسل رسالة تذكير للعملاء الذين تركوا سلة التسوق منذ أكثر من يوم
  █
end
""",
        "أرسل رسالة تذكير للعملاء الذين تركوا سلة التسوق منذ أكثر من يوم",
    ),
    # --- on-comment ------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "lib/shop/cart.ex",
        r"""defmodule Shop.Cart do
  defstruct items: %{}

  def new, do: %__MODULE__{}

  def add(cart, sku, qty) do
    Map.update(cart.items, sku, qty, &(&1 + qty))
  end

  # remove an item when its quantity drops to█
end
""",
    ),
    case.completion(
        "on-comment/inside-doc-heredoc",
        "lib/shop/cart.ex",
        r'''defmodule Shop.Cart do
  defstruct items: %{}

  @doc """
  Returns the number of distinct█ items in the cart.
  """
  def size(cart), do: map_size(cart.items)

  def new, do: %__MODULE__{}
end
''',
        note="a line inside an @doc heredoc is on a doc comment",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "config/config.exs",
        r"""import Config

config :shop, Shop.Repo,
  pool_size: 10,
  timeout: 15_000,█ # ms
  queue_target: 50

config :logger, level: :info
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/inspect",
        "lib/shop/importer.ex",
        r"""defmodule Shop.Importer do
  alias NimbleCSV.RFC4180, as: CSV

  def run(path) do
    rows = path |> File.stream!() |> CSV.parse_stream()
    # IO.inspect(rows, label: "rows")
    # rows = Enum.take(rows, 10)
    █
    Enum.each(rows, &import_row/1)
  end
end
""",
    ),
    case.comment(
        "commented-out-code/prose-kept",
        "lib/shop/importer.ex",
        r"""defmodule Shop.Importer do
  alias NimbleCSV.RFC4180, as: CSV

  def run(path) do
    rows = path |> File.stream!() |> CSV.parse_stream()
    # Logger.debug("importing #{path}")
    # skip rows whose sku column is blank, then insert the rest in batches of 500
    █
  end
end
""",
        "skip rows whose sku column is blank, then insert the rest in batches of 500",
        note="the commented-out Logger call is dropped from the block",
    ),
    # --- directive -------------------------------------------------------------------------
    case.completion(
        "directive/credo",
        "lib/shop/legacy.ex",
        r"""defmodule Shop.Legacy do
  def parse(input) do
    input
    |> String.split(",")
    |> Enum.map(&String.trim/1)
  end

  # credo:disable-for-next-line Credo.Check.Refactor.CyclomaticComplexity
  █
end
""",
        note="Credo's disable comment is a linter directive (rule 3)",
    ),
    case.completion(
        "directive/coveralls-ignore",
        "lib/shop/release.ex",
        r"""defmodule Shop.Release do
  @app :shop

  def migrate do
    Application.load(@app)
    for repo <- Application.fetch_env!(@app, :ecto_repos) do
      {:ok, _, _} = Ecto.Migrator.with_repo(repo, &Ecto.Migrator.run(&1, :up, all: true))
    end
  end

  # coveralls-ignore-start
  █
end
""",
        note="excoveralls' ignore marker is a tool directive (rule 3)",
    ),
    case.completion(
        "directive/doc-false-is-code",
        "lib/shop/release.ex",
        r"""defmodule Shop.Release do
  @app :shop

  def load_app do
    Application.load(@app)
  end

  @doc false
  █
end
""",
        note="`@doc false` is an attribute, not a doc heredoc",
    ),
    # --- header ----------------------------------------------------------------------------
    case.completion(
        "header/shebang",
        "scripts/seed_users.exs",
        r"""#!/usr/bin/env elixir
█
Mix.install([{:jason, "~> 1.4"}])

users = for n <- 1..50, do: %{id: n, email: "user#{n}@shop.test"}
json = Jason.encode!(users, pretty: true)
File.write!("priv/seeds/users.json", json)
IO.puts("wrote #{length(users)} users")
""",
    ),
    case.completion(
        "header/copyright",
        "lib/shop/money.ex",
        r"""# Copyright (c) 2024 Shop Ltd.
# SPDX-License-Identifier: MIT

█
defmodule Shop.Money do
  defstruct [:amount, :currency]

  def new(amount, currency), do: %__MODULE__{amount: amount, currency: currency}
  def zero(currency), do: new(0, currency)
  def zero?(%__MODULE__{amount: amount}), do: amount == 0
end
""",
    ),
    # --- separator -------------------------------------------------------------------------
    case.completion(
        "separator/dashes",
        "lib/shop_web/router.ex",
        r"""defmodule ShopWeb.Router do
  use ShopWeb, :router

  pipeline :browser do
    plug :accepts, ["html"]
    plug :fetch_session
  end

  # ---------------------------------------------------------------------------
  █
end
""",
    ),
    # --- short-comment ---------------------------------------------------------------------
    case.completion(
        "short-comment/ok",
        "lib/shop/inventory.ex",
        r"""defmodule Shop.Inventory do
  def reserve(sku, qty) do
    stock = lookup(sku)
    # ok
    █
    if stock >= qty, do: {:ok, stock - qty}, else: {:error, :out_of_stock}
  end
end
""",
    ),
    # --- empty-function --------------------------------------------------------------------
    case.empty_function(
        "empty-function/genserver-callback",
        "lib/shop/cache.ex",
        r"""defmodule Shop.Cache do
  use GenServer

  def start_link(opts), do: GenServer.start_link(__MODULE__, opts, name: __MODULE__)

  @impl true
  def init(opts), do: {:ok, %{ttl: Keyword.get(opts, :ttl, 60)}}

  @impl true
  def handle_info(:evict, state) do
    █
  end
end
""",
    ),
    case.empty_function(
        "empty-function/anonymous-fn",
        "lib/shop/reports.ex",
        r"""defmodule Shop.Reports do
  alias Shop.Repo
  alias Shop.Orders.Order

  def totals_by_day(orders) do
    orders
    |> Enum.group_by(&Date.to_string(&1.inserted_at))
    |> Enum.map(fn {day, day_orders} ->
      █
    end)
  end
end
""",
        note="an fn with no expressions in its clause body",
    ),
    case.empty_function(
        "empty-function/defp",
        "lib/shop/tokens.ex",
        r"""defmodule Shop.Tokens do
  @length 32

  def generate do
    @length |> :crypto.strong_rand_bytes() |> encode()
  end

  defp encode(bytes) do
█
  end
end
""",
    ),
    # --- empty-block -----------------------------------------------------------------------
    case.completion(
        "empty-block/if-do",
        "lib/shop/checkout.ex",
        r"""defmodule Shop.Checkout do
  def confirm(order, user) do
    if order.total_cents == 0 do
      █
    end
    Shop.Payments.charge(user, order.total_cents)
  end
end
""",
    ),
    case.empty_function(
        "empty-block/defmodule-body",
        "lib/shop/errors.ex",
        r"""defmodule Shop.Errors.NotFound do
  defexception message: "not found", plug_status: 404
end

defmodule Shop.Errors.Conflict do
  defexception message: "conflict", plug_status: 409
end

defmodule Shop.Errors.Forbidden do
  █
end
""",
        note="team precision 1 (rule 5): an empty module (`defmodule`) body is an empty definition; the user wants its members generated",
    ),
    # --- small-file ------------------------------------------------------------------------
    case.small_file(
        "small-file/repo",
        "lib/shop/repo.ex",
        r"""defmodule Shop.Repo do
  use Ecto.Repo, otp_app: :shop, adapter: Ecto.Adapters.Postgres
end
█
""",
    ),
    case.small_file(
        "small-file/aliases-only",
        "test/support/helpers.ex",
        r"""import Ecto.Query
alias Shop.Repo
alias Shop.Accounts.User

█
""",
    ),
    # --- completion ------------------------------------------------------------------------
    case.completion(
        "completion/pipe",
        "lib/shop/search.ex",
        r"""defmodule Shop.Search do
  alias Shop.Catalog.Product

  def search(products, term) do
    term = String.downcase(term)
    products
    |> Enum.filter(&String.contains?(String.downcase(&1.name), term))
    |> Enum.█
  end
end
""",
    ),
    case.completion(
        "completion/keyword-args",
        "lib/shop/search.ex",
        r"""defmodule Shop.Search do
  import Ecto.Query
  alias Shop.Repo

  def page(query, page) do
    query
    |> limit(20)
    |> offset(^((page - 1) * 20))
    |> Repo.all(timeout: █)
  end
end
""",
    ),
    # --- docstring -------------------------------------------------------------------------
    case.comment(
        "docstring/doc-heredoc",
        "lib/shop/accounts/user.ex",
        r'''defmodule Shop.Accounts.User do
  use Ecto.Schema
  import Ecto.Changeset

  schema "users" do
    field :email, :string
    field :name, :string
    timestamps()
  end

  @doc """
  Returns the user's display name: the name when present,
  otherwise the part of the email before the @.
  """
  █
end
''',
        "Returns the user's display name: the name when present,\n"
        "otherwise the part of the email before the @.",
        note="an @doc heredoc is a doc comment; the cursor is on the blank line right after it",
    ),
    case.comment(
        "docstring/moduledoc",
        "lib/shop/slug.ex",
        r'''defmodule Shop.Slug do
  @moduledoc """
  Turns product titles into URL slugs: lowercase ASCII, words joined by dashes.
  """

  █
  @max 60

  def max_length, do: @max
  def separator, do: "-"
end
''',
        "Turns product titles into URL slugs: lowercase ASCII, words joined by dashes.",
        note="an @moduledoc heredoc is a doc comment; only a blank line separates it from the cursor",
    ),
    # --- scope -----------------------------------------------------------------------------
    case.completion(
        "scope/comment-in-closed-def",
        "lib/shop/audit.ex",
        r"""defmodule Shop.Audit do
  require Logger

  def log(event, meta) do
    Logger.info("audit", Keyword.put(meta, :event, event))
    # also persist the event to the audit_events table
  end
█
end
""",
    ),
    case.completion(
        "scope/comment-then-code",
        "lib/shop/audit.ex",
        r"""defmodule Shop.Audit do
  require Logger

  def log(event, meta) do
    # keep the event name as the message
    Logger.info(to_string(event), meta)

    █
  end
end
""",
    ),
    # --- unicode ---------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-string",
        "lib/shop_web/live/banner_live.ex",
        r"""defmodule ShopWeb.BannerLive do
  use ShopWeb, :live_view

  def mount(_params, _session, socket) do
    socket = assign(socket, title: "🛒 セール中！ 🎉", subtitle: █)
    {:ok, socket}
  end
end
""",
    ),
    # --- crlf ------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "lib/shop/coupons.ex",
        crlf(
            r"""defmodule Shop.Coupons do
  alias Shop.Repo
  alias Shop.Coupons.Coupon

  def get(code), do: Repo.get_by(Coupon, code: String.upcase(code))

  # check that the coupon has not expired and has uses left
  █
end
"""
        ),
        "check that the coupon has not expired and has uses left",
    ),
    # --- edge cases --------------------------------------------------------------------------
    case.comment(
        "directive/with-prose",
        "lib/shop/legacy.ex",
        r"""defmodule Shop.Legacy do
  def parse(input) do
    input
    |> String.split(",")
    |> Enum.map(&String.trim/1)
  end

  # credo:disable-for-next-line
  # convert the legacy price string like "12,50 EUR" into integer cents
  █
end
""",
        'convert the legacy price string like "12,50 EUR" into integer cents',
        note="the credo directive line is dropped from the block",
    ),
    case.completion(
        "separator/around-instruction",
        "lib/shop_web/router.ex",
        r"""defmodule ShopWeb.Router do
  use ShopWeb, :router

  pipeline :api do
    plug :accepts, ["json"]
  end

  # ---------------------------------------------------------------------------
  # an /api scope with resources for products and orders, only index and show
  # ---------------------------------------------------------------------------
  █
end
""",
        note="team precision 2 (rule 2): the block's last line is a separator (no letter or digit), an empty comment, so no instruction lies directly above the cursor",
    ),
    case.comment(
        "docstring/doc-in-small-module",
        "lib/shop/clock.ex",
        r'''defmodule Shop.Clock do
  @doc """
  Returns the current UTC time truncated to seconds.
  """
  █
end
''',
        "Returns the current UTC time truncated to seconds.",
        note="rule 2 (an @doc heredoc) comes before the small-file rule",
    ),
    case.empty_function(
        "empty-function/one-line-do",
        "lib/shop/hooks.ex",
        r"""defmodule Shop.Hooks do
  @callback before_save(map()) :: map()

  def run(hooks, data) do
    Enum.reduce(hooks, data, fn hook, acc -> hook.before_save(acc) end)
  end

  def before_save(data) do █ end
end
""",
    ),
]
