"""Labelled intent cases for Ruby (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("ruby")


CART = """\
require "bigdecimal"

class Cart
  attr_reader :items

  def initialize
    @items = []
  end

  def add(item)
    @items << item
  end

"""

CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/in-class-body",
        "app/models/cart.rb",
        CART
        + "  # return the total price of all items, applying the coupon if there is one\n  █\nend\n",
        "return the total price of all items, applying the coupon if there is one",
    ),
    case.comment(
        "comment/inside-method",
        "app/controllers/users_controller.rb",
        """\
class UsersController < ApplicationController
  before_action :authenticate_user!

  def index
    @users = User.order(:name)
    # filter by the q param on name or email and paginate 25 per page
    █
  end
end
""",
        "filter by the q param on name or email and paginate 25 per page",
    ),
    case.comment(
        "comment/inside-empty-method",
        "lib/slug.rb",
        """\
module Slug
  SEPARATOR = "-"

  def self.valid?(text)
    text.match?(/\\A[a-z0-9-]+\\z/)
  end

  def self.from(title)
    # downcase the title and replace non-alphanumerics with SEPARATOR
    █
  end
end
""",
        "downcase the title and replace non-alphanumerics with SEPARATOR",
        note="rule 2 before rule 5",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/line-comments",
        "lib/report.rb",
        """\
require "csv"
require "date"

class Report
  def initialize(rows)
    @rows = rows
  end

  # Write the rows to a CSV string with a header line.
  # Dates are formatted as YYYY-MM-DD and amounts with two decimals.
  █
end
""",
        "Write the rows to a CSV string with a header line.\nDates are formatted as YYYY-MM-DD and amounts with two decimals.",
    ),
    case.comment(
        "multiline-comment/begin-end",
        "lib/throttle.rb",
        """\
class Throttle
  def initialize(limit, period)
    @limit = limit
    @period = period
    @calls = []
  end

=begin
Return true when another call is allowed in the current period
and record it; otherwise return false.
=end
  █
end
""",
        "Return true when another call is allowed in the current period\nand record it; otherwise return false.",
    ),
    # --- non-english ------------------------------------------------------------------------
    case.comment(
        "non-english/japanese",
        "app/services/point_service.rb",
        """\
class PointService
  RATE = 0.01

  def initialize(user)
    @user = user
  end

  # 購入金額に応じてポイントを付与し、ユーザーの残高を更新する
  █
end
""",
        "購入金額に応じてポイントを付与し、ユーザーの残高を更新する",
    ),
    case.comment(
        "non-english/spanish",
        "lib/pedido.rb",
        """\
class Pedido
  attr_reader :lineas

  def initialize(lineas)
    @lineas = lineas
  end

  def total
    subtotal = lineas.sum(&:importe)
    # aplicar el IVA del 21% y redondear a dos decimales
    █
  end
end
""",
        "aplicar el IVA del 21% y redondear a dos decimales",
    ),
    # --- on-comment -------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "app/models/cart.rb",
        CART + "  # return the total price█\nend\n",
    ),
    case.completion(
        "on-comment/start-of-line",
        "app/models/cart.rb",
        CART + "█  # return the total price of all items\n\nend\n",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "config/initializers/limits.rb",
        """\
module Limits
  MAX_UPLOAD = 10 * 1024 * 1024
  MAX_USERS = █500 # per account
  MAX_PROJECTS = 50
  TIMEOUT = 30
end
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/puts",
        "lib/importer.rb",
        """\
require "json"

class Importer
  def import(path)
    data = JSON.parse(File.read(path))
    # puts data.inspect
    █
    data.map { |row| Record.new(row) }
  end
end
""",
    ),
    # --- directive --------------------------------------------------------------------------
    case.completion(
        "directive/frozen-string-literal",
        "lib/version.rb",
        """\
# frozen_string_literal: true
█

module Acme
  VERSION = "2.3.1"
  MAJOR, MINOR, PATCH = VERSION.split(".").map(&:to_i)
  RELEASED = "2025-01-10"
end
""",
    ),
    case.completion(
        "directive/rubocop-disable",
        "app/models/invoice.rb",
        """\
class Invoice < ApplicationRecord
  belongs_to :customer
  has_many :lines

  def total
    lines.sum(&:amount)
  end

  # rubocop:disable Metrics/AbcSize
  █
end
""",
    ),
    # --- header -----------------------------------------------------------------------------
    case.completion(
        "header/shebang-and-encoding",
        "bin/cleanup",
        """\
#!/usr/bin/env ruby
# encoding: utf-8
█
require "fileutils"

dir = ARGV.fetch(0, "tmp")
cutoff = Time.now - 7 * 24 * 3600
Dir.glob(File.join(dir, "**", "*")).each do |f|
  FileUtils.rm_f(f) if File.file?(f) && File.mtime(f) < cutoff
end
""",
    ),
    case.completion(
        "header/license",
        "lib/acme/client.rb",
        """\
# Copyright (c) 2023 Acme Inc.
# Released under the MIT License.
█

module Acme
  class Client
    def initialize(token)
      @token = token
    end
  end
end
""",
    ),
    # --- separator --------------------------------------------------------------------------
    case.completion(
        "separator/hashes",
        "lib/tasks/helpers.rb",
        """\
module TaskHelpers
  def self.say(msg)
    puts "[task] #{msg}"
  end
end

###############################################################################
█
""",
    ),
    # --- short-comment ----------------------------------------------------------------------
    case.completion(
        "short-comment/ok",
        "lib/counter.rb",
        """\
class Counter
  def initialize
    @n = 0
  end

  def tick
    @n += 1
    # ok
    █
  end
end
""",
    ),
    # --- empty-function ---------------------------------------------------------------------
    case.empty_function(
        "empty-function/method",
        "app/models/cart.rb",
        CART + "  def empty?\n    █\n  end\nend\n",
    ),
    case.empty_function(
        "empty-function/lambda",
        "lib/hooks.rb",
        """\
module Hooks
  BEFORE = []
  AFTER = []

  def self.register(kind, callable)
    (kind == :before ? BEFORE : AFTER) << callable
  end

  ON_ERROR = ->(error) {█}
end
""",
    ),
    case.empty_function(
        "empty-function/class-method",
        "lib/money.rb",
        """\
class Money
  attr_reader :cents, :currency

  def initialize(cents, currency)
    @cents = cents
    @currency = currency
  end

  def self.parse(text)
    █
  end
end
""",
    ),
    # --- empty-block ------------------------------------------------------------------------
    case.empty_function(
        "empty-block/class-body",
        "app/errors.rb",
        """\
module App
  class Error < StandardError
    def initialize(msg = "application error")
      super
    end
  end

  class NotFound < Error
    █
  end
end
""",
        note="team precision 1 (rule 5): an empty class body is an empty definition; the user wants its members generated",
    ),
    case.completion(
        "empty-block/if-body",
        "lib/guard.rb",
        """\
class Guard
  def check!(user)
    role = user.role
    if role == :banned
      █
    end
    true
  end
end
""",
    ),
    # --- small-file -------------------------------------------------------------------------
    case.small_file(
        "small-file/requires-only",
        "lib/acme.rb",
        """\
require "acme/version"
require "acme/client"
█
""",
    ),
    case.small_file(
        "small-file/gemfile",
        "Gemfile",
        """\
# Gems for the API service.
source "https://rubygems.org"

gem "rails", "~> 7.1"
gem "pg"█
""",
    ),
    # --- completion -------------------------------------------------------------------------
    case.completion(
        "completion/method-chain",
        "app/queries/recent_orders.rb",
        """\
class RecentOrders
  def initialize(scope = Order.all)
    @scope = scope
  end

  def call
    @scope.where(status: :paid).order(created_at: :desc).█
  end
end
""",
    ),
    case.completion(
        "completion/hash-argument",
        "config/routes.rb",
        """\
Rails.application.routes.draw do
  root "home#index"
  resources :users, only: [:index, :show]
  resources :orders do
    resources :lines, only: █
  end
end
""",
    ),
    # --- docstring --------------------------------------------------------------------------
    case.comment(
        "docstring/yard-comment",
        "lib/geo.rb",
        """\
module Geo
  EARTH_RADIUS_KM = 6371.0

  def self.to_rad(deg)
    deg * Math::PI / 180
  end

  # Great-circle distance between two [lat, lon] pairs in kilometres.
  # Uses the haversine formula.
  █
end
""",
        "Great-circle distance between two [lat, lon] pairs in kilometres.\nUses the haversine formula.",
    ),
    # --- scope ------------------------------------------------------------------------------
    case.completion(
        "scope/comment-then-code",
        "lib/mailer.rb",
        """\
class Mailer
  def deliver(user)
    # send the welcome email
    mail = WelcomeMail.new(user)
    mail.deliver_later
    █
  end
end
""",
    ),
    # --- unicode ----------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-interpolation",
        "lib/notifier.rb",
        """\
class Notifier
  def initialize(user)
    @user = user
  end

  def message(count)
    "🔔 #{@user.name}さん、新着 #{█} 件"
  end
end
""",
    ),
    # --- crlf -------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "lib/win_paths.rb",
        crlf("""\
module WinPaths
  APPDATA = ENV.fetch("APPDATA", "C:/Users/Default/AppData/Roaming")

  def self.app_dir
    File.join(APPDATA, "Acme")
  end

  # create app_dir if it does not exist and return its path
  █
end
"""),
        "create app_dir if it does not exist and return its path",
    ),
    # --- team precisions (docs/intent.md) ------------------------------------------------
    case.empty_function(
        "type-body/empty-module",
        "lib/shop/helpers.rb",
        """\
require "json"

module Shop
  VERSION = "1.2.0"
  ROOT = File.expand_path("..", __dir__)
  DEFAULT_CURRENCY = "EUR"

  module Helpers
    █
  end
end
""",
        note="team precision 1 (rule 5): an empty module body is an empty definition",
    ),
    case.completion(
        "empty-last-comment/two-letters",
        "lib/shop/prices.rb",
        """\
require "bigdecimal"

TAX = BigDecimal("0.19")
ROUND = 2
CURRENCY = "EUR"
SYMBOL = "€"

# format a price with the currency symbol
# ok
█
""",
        note="team precision 2 (rule 2): the last line has two letters, rule 3's empty comment, so the block is no instruction",
    ),
]
