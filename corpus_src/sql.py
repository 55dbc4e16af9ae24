"""Labelled intent cases for SQL (corpus part B).

Comment syntaxes: `--` and `/* */`. Function bodies are `CREATE FUNCTION`/`CREATE PROCEDURE`
bodies (plpgsql `$$ BEGIN ... END $$`, MySQL `BEGIN ... END`); column lists and transactions are not.
"""

from _helpers import Cases, crlf

case = Cases("sql")


CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/report-query",
        "queries/monthly_revenue.sql",
        r"""CREATE VIEW active_customers AS
SELECT c.id, c.email, c.created_at
FROM customers c
WHERE c.deleted_at IS NULL
  AND c.status = 'active';

-- total revenue per month for 2024, only paid orders, newest month first
█
""",
        "total revenue per month for 2024, only paid orders, newest month first",
    ),
    case.comment(
        "comment/inside-function-body",
        "db/functions/touch_updated_at.sql",
        r"""CREATE OR REPLACE FUNCTION touch_updated_at()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  -- set NEW.updated_at to the current timestamp and return NEW
  █
END;
$$;
""",
        "set NEW.updated_at to the current timestamp and return NEW",
        note="the comment is inside an empty plpgsql body: rule 2 comes before rule 5",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/line-comments",
        "queries/churn.sql",
        r"""WITH last_orders AS (
  SELECT customer_id, MAX(placed_at) AS last_order_at
  FROM orders
  GROUP BY customer_id
)
SELECT COUNT(*) FROM last_orders;

-- Customers who ordered at least three times in 2023
-- but have not ordered in the last 90 days,
-- with their email and the date of their last order.
█
""",
        "Customers who ordered at least three times in 2023\n"
        "but have not ordered in the last 90 days,\n"
        "with their email and the date of their last order.",
    ),
    case.comment(
        "multiline-comment/block-comment",
        "migrations/20240312_add_invoices.sql",
        r"""CREATE TABLE customers (
  id BIGSERIAL PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

/*
  Create the invoices table: id, customer_id referencing customers,
  amount_cents as a non-negative integer, status with a check constraint
  (draft, sent, paid) and timestamps.
*/
█
""",
        "Create the invoices table: id, customer_id referencing customers,\n"
        "amount_cents as a non-negative integer, status with a check constraint\n"
        "(draft, sent, paid) and timestamps.",
    ),
    # --- non-english -------------------------------------------------------------------------
    case.comment(
        "non-english/french",
        "queries/stock.sql",
        r"""SELECT p.sku, p.name, s.quantity
FROM products p
JOIN stock s ON s.product_id = p.id
WHERE s.warehouse_id = 3
ORDER BY p.sku;

-- liste des produits dont le stock est inférieur au seuil de réapprovisionnement
█
""",
        "liste des produits dont le stock est inférieur au seuil de réapprovisionnement",
    ),
    case.comment(
        "non-english/portuguese-block",
        "queries/vendas.sql",
        r"""CREATE INDEX idx_vendas_data ON vendas (data_venda);
CREATE INDEX idx_vendas_loja ON vendas (loja_id);

SELECT loja_id, SUM(valor) AS total
FROM vendas
GROUP BY loja_id;

/* total de vendas por loja e por mês, incluindo lojas sem vendas */

█
""",
        "total de vendas por loja e por mês, incluindo lojas sem vendas",
    ),
    # --- on-comment ------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "queries/signups.sql",
        r"""SELECT date_trunc('day', created_at) AS day, COUNT(*) AS signups
FROM users
WHERE created_at >= now() - interval '30 days'
GROUP BY 1
ORDER BY 1;

-- same as above but split by the referral█
""",
    ),
    case.completion(
        "on-comment/start-of-block-comment",
        "queries/signups.sql",
        r"""SELECT date_trunc('day', created_at) AS day, COUNT(*) AS signups
FROM users
█/* signups per day, last 30 days */
WHERE created_at >= now() - interval '30 days'
GROUP BY 1
ORDER BY 1;
""",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "schema/users.sql",
        r"""CREATE TABLE users (
  id BIGSERIAL PRIMARY KEY,
  email TEXT NOT NULL,
  password_hash TEXT NOT NULL,█ -- bcrypt
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/drop-and-select",
        "migrations/20240401_cleanup.sql",
        r"""ALTER TABLE orders ADD COLUMN archived BOOLEAN NOT NULL DEFAULT false;
UPDATE orders SET archived = true WHERE placed_at < '2020-01-01';
CREATE INDEX idx_orders_archived ON orders (archived);
CREATE INDEX idx_orders_placed_at ON orders (placed_at);
ANALYZE orders;
ANALYZE order_items;

-- DROP TABLE legacy_orders;
-- SELECT COUNT(*) FROM orders WHERE archived;
█
""",
        note="both lines are SQL statements: commented-out code (rule 3)",
    ),
    # --- directive -------------------------------------------------------------------------
    case.completion(
        "directive/goose",
        "db/migrations/00042_create_sessions.sql",
        r"""-- +goose Up
-- +goose StatementBegin
CREATE TABLE sessions (
  id UUID PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id),
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_sessions_user ON sessions (user_id);
-- +goose StatementEnd

-- +goose Down
█
""",
        note="goose migration annotations are tool directives",
    ),
    case.completion(
        "directive/sqlfluff-noqa",
        "models/staging/stg_orders.sql",
        r"""select
    id as order_id,
    customer_id,
    amount_cents / 100.0 as amount,
    status
from raw.orders
-- noqa: disable=LT05
█
""",
    ),
    # --- header ----------------------------------------------------------------------------
    case.completion(
        "header/license",
        "sql/schema.sql",
        r"""-- Copyright 2024 Acme Analytics GmbH
-- SPDX-License-Identifier: Apache-2.0

█
CREATE SCHEMA IF NOT EXISTS analytics;

CREATE TABLE analytics.events (
  id BIGSERIAL PRIMARY KEY,
  name TEXT NOT NULL,
  payload JSONB NOT NULL,
  occurred_at TIMESTAMPTZ NOT NULL
);
""",
    ),
    case.completion(
        "header/emacs-mode-line",
        "sql/reports.sql",
        r"""-- -*- mode: sql; sql-product: postgres; -*-
█
SELECT name, COUNT(*)
FROM analytics.events
WHERE occurred_at > now() - interval '1 day'
GROUP BY name
ORDER BY 2 DESC
LIMIT 20;
""",
    ),
    # --- separator -------------------------------------------------------------------------
    case.completion(
        "separator/equals",
        "sql/seed.sql",
        r"""INSERT INTO roles (name) VALUES ('admin'), ('editor'), ('viewer');
INSERT INTO users (email, role_id) VALUES ('ana@acme.test', 1);
INSERT INTO users (email, role_id) VALUES ('ben@acme.test', 2);
INSERT INTO users (email, role_id) VALUES ('cai@acme.test', 3);
INSERT INTO users (email, role_id) VALUES ('dee@acme.test', 3);
INSERT INTO users (email, role_id) VALUES ('eli@acme.test', 2);

-- ==========================================================================
█
""",
    ),
    # --- short-comment ---------------------------------------------------------------------
    case.completion(
        "short-comment/v2",
        "sql/seed.sql",
        r"""INSERT INTO plans (name, price_cents) VALUES ('free', 0);
INSERT INTO plans (name, price_cents) VALUES ('pro', 1200);
INSERT INTO plans (name, price_cents) VALUES ('team', 4900);
UPDATE plans SET active = true;
DELETE FROM plans WHERE name = 'legacy';
DELETE FROM plans WHERE name = 'trial';

-- v2
█
""",
    ),
    # --- empty-function --------------------------------------------------------------------
    case.empty_function(
        "empty-function/plpgsql",
        "db/functions/order_total.sql",
        r"""CREATE OR REPLACE FUNCTION order_total(p_order_id BIGINT)
RETURNS NUMERIC
LANGUAGE plpgsql
STABLE
AS $$
BEGIN
  █
END;
$$;
""",
        note="a CREATE FUNCTION body with no statements between BEGIN and END",
    ),
    case.empty_function(
        "empty-function/mysql-procedure",
        "db/procedures/archive_orders.sql",
        r"""DELIMITER //

DROP PROCEDURE IF EXISTS archive_orders //

CREATE PROCEDURE archive_orders(IN cutoff DATE)
BEGIN
█
END //

DELIMITER ;
""",
        note="a CREATE PROCEDURE body with no statements between BEGIN and END",
    ),
    # --- empty-block -----------------------------------------------------------------------
    case.completion(
        "empty-block/create-table-columns",
        "migrations/20240501_tags.sql",
        r"""CREATE TABLE posts (
  id BIGSERIAL PRIMARY KEY,
  title TEXT NOT NULL
);

CREATE TABLE tags (
  █
);
""",
        note="a column list is not a function body",
    ),
    case.completion(
        "empty-block/transaction",
        "scripts/fix_prices.sql",
        r"""SET search_path TO shop;
SET statement_timeout = '30s';
SELECT COUNT(*) FROM products WHERE price_cents < 0;
SELECT COUNT(*) FROM products WHERE price_cents > 1000000;

BEGIN;
█
COMMIT;
""",
    ),
    # --- small-file ------------------------------------------------------------------------
    case.small_file(
        "small-file/single-query",
        "queries/count_users.sql",
        r"""SELECT COUNT(*)
FROM users;
█
""",
    ),
    case.small_file(
        "small-file/comment-heavy",
        "migrations/20240601_drop_legacy.sql",
        r"""-- Migration: remove the legacy tables.
-- They were replaced by the events table in March and are no longer read.
-- Back up the data before running this on production.

DROP TABLE IF EXISTS legacy_clicks;
DROP TABLE IF EXISTS legacy_views;
█
""",
        note="two code lines; the cursor follows code, so the comment is not directly above it",
    ),
    # --- completion ------------------------------------------------------------------------
    case.completion(
        "completion/after-table-alias",
        "queries/top_products.sql",
        r"""SELECT p.name, SUM(oi.quantity) AS sold
FROM order_items oi
JOIN products p ON p.id = oi.product_id
JOIN orders o ON o.id = oi.order_id
WHERE o.status = 'paid'
  AND o.placed_at >= '2024-01-01'
GROUP BY p.█
""",
    ),
    case.completion(
        "completion/in-list",
        "queries/open_tickets.sql",
        r"""SELECT t.id, t.subject, u.email
FROM tickets t
JOIN users u ON u.id = t.requester_id
WHERE t.status IN ('open', █)
ORDER BY t.created_at
LIMIT 50;
""",
    ),
    # --- docstring -------------------------------------------------------------------------
    case.comment(
        "docstring/doc-block",
        "db/functions/slugify.sql",
        r"""CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE IF NOT EXISTS articles (
  id BIGSERIAL PRIMARY KEY,
  title TEXT NOT NULL,
  slug TEXT
);

/**
 * slugify(text) returns the lowercased, unaccented text
 * with every run of non-alphanumeric characters replaced by a dash.
 */
█
""",
        "slugify(text) returns the lowercased, unaccented text\n"
        "with every run of non-alphanumeric characters replaced by a dash.",
    ),
    # --- scope -----------------------------------------------------------------------------
    case.completion(
        "scope/comment-in-closed-function",
        "db/functions/audit.sql",
        r"""CREATE OR REPLACE FUNCTION audit_insert()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  INSERT INTO audit_log (table_name, row_id) VALUES (TG_TABLE_NAME, NEW.id);
  RETURN NEW;
  -- also record the user from current_setting('app.user_id')
END;
$$;
█
""",
    ),
    case.completion(
        "scope/comment-then-statement",
        "queries/cleanup.sql",
        r"""-- remove sessions that expired more than a week ago
DELETE FROM sessions WHERE expires_at < now() - interval '7 days';

█
VACUUM ANALYZE sessions;
SELECT COUNT(*) FROM sessions;
REINDEX TABLE sessions;
DELETE FROM password_resets WHERE created_at < now() - interval '1 day';
VACUUM ANALYZE password_resets;
""",
    ),
    # --- unicode ---------------------------------------------------------------------------
    case.completion(
        "unicode/cjk-literal",
        "queries/stores.sql",
        r"""SELECT s.id, s.name, s.city
FROM stores s
JOIN regions r ON r.id = s.region_id
WHERE r.code = 'JP'
  AND s.opened_at < now()
  AND s.name = '東京駅 🗼' AND █
""",
    ),
    # --- crlf ------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "queries/inactive.sql",
        crlf(
            r"""SELECT id, email
FROM users
WHERE last_login_at IS NOT NULL
ORDER BY last_login_at
LIMIT 100;

-- users who never logged in and signed up more than a year ago
█
"""
        ),
        "users who never logged in and signed up more than a year ago",
    ),
    # --- edge cases --------------------------------------------------------------------------
    case.small_file(
        "separator/around-instruction",
        "queries/cohorts.sql",
        r"""CREATE TEMP TABLE first_orders AS
SELECT customer_id, MIN(placed_at) AS first_order_at
FROM orders
GROUP BY customer_id;

-- ---------------------------------------------------------------------------
-- monthly retention: share of each signup cohort that ordered again per month
-- ---------------------------------------------------------------------------
█
""",
        note="team precision 2 (rule 2): the block's last line is a separator (no letter or digit), an empty comment, so no instruction lies directly above the cursor; rule 4 then applies",
    ),
    case.comment(
        "directive/with-prose",
        "db/migrations/00043_add_carts.sql",
        r"""-- +goose Up
-- create the carts table with a user_id foreign key and an updated_at column
█
""",
        "create the carts table with a user_id foreign key and an updated_at column",
        note="the goose directive line is dropped from the block",
    ),
    case.comment(
        "header/then-instruction",
        "sql/views.sql",
        r"""-- Copyright 2024 Acme Analytics GmbH
-- SPDX-License-Identifier: Apache-2.0

-- a view with the number of events per name and day for the last 30 days
█
""",
        "a view with the number of events per name and day for the last 30 days",
    ),
    case.completion(
        "on-comment/small-file",
        "queries/scratch.sql",
        r"""SELECT now();
/* which users signed up█ */
""",
    ),
]
