"""Labelled intent cases for JavaScriptReact (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("javascriptreact")


TODO = """\
import { useState } from "react";

export function TodoList({ initial }) {
  const [todos, setTodos] = useState(initial);
  const [text, setText] = useState("");

"""

TODO_END = """\
  return (
    <ul>
      {todos.map((t) => (
        <li key={t.id}>{t.title}</li>
      ))}
    </ul>
  );
}
"""

CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/inside-component",
        "TodoList.jsx",
        TODO
        + "  // add a new todo from text when Enter is pressed and clear the input\n  █\n\n"
        + TODO_END,
        "add a new todo from text when Enter is pressed and clear the input",
    ),
    case.comment(
        "comment/top-level-component",
        "Avatar.jsx",
        """\
import PropTypes from "prop-types";

const SIZES = { sm: 24, md: 40, lg: 64 };

export function Initials({ name }) {
  return <span className="initials">{name.slice(0, 2).toUpperCase()}</span>;
}

// Avatar component: show the user's image, or their initials when there is no image
█
""",
        "Avatar component: show the user's image, or their initials when there is no image",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/block-comment",
        "useFetch.jsx",
        """\
import { useEffect, useState } from "react";

export function Spinner() {
  return <div className="spinner" aria-busy="true" />;
}

/*
  useFetch hook: fetch the url on mount and whenever it changes,
  return { data, error, loading } and abort the request on unmount.
*/
█
""",
        "useFetch hook: fetch the url on mount and whenever it changes,\nreturn { data, error, loading } and abort the request on unmount.",
    ),
    case.comment(
        "multiline-comment/line-comments",
        "Pagination.jsx",
        """\
export function Pagination({ page, total, onChange }) {
  const pages = Math.ceil(total / 20);
  // Render previous/next buttons and the page numbers.
  // Disable previous on the first page and next on the last page.
  █
}
""",
        "Render previous/next buttons and the page numbers.\nDisable previous on the first page and next on the last page.",
    ),
    # --- non-english ------------------------------------------------------------------------
    case.comment(
        "non-english/japanese",
        "LoginForm.jsx",
        """\
import { useState } from "react";

export function LoginForm({ onLogin }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  // メールアドレスとパスワードを検証してからonLoginを呼び出す
  █
}
""",
        "メールアドレスとパスワードを検証してからonLoginを呼び出す",
    ),
    case.comment(
        "non-english/spanish",
        "Carrito.jsx",
        """\
import { useContext } from "react";
import { CarritoContext } from "./CarritoContext";

export function ResumenCarrito() {
  const { articulos } = useContext(CarritoContext);
  const total = articulos.reduce((s, a) => s + a.precio, 0);
  // mostrar la lista de artículos con su precio y el total al final
  █
}
""",
        "mostrar la lista de artículos con su precio y el total al final",
    ),
    # --- on-comment -------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "TodoList.jsx",
        TODO + "  // add a new todo from text█\n\n" + TODO_END,
    ),
    case.completion(
        "on-comment/jsx-comment",
        "TodoList.jsx",
        TODO
        + """\
  return (
    <ul>
      {/* render each todo with a █checkbox */}
      {todos.map((t) => (
        <li key={t.id}>{t.title}</li>
      ))}
    </ul>
  );
}
""",
        note="a JSX comment inside an expression container is still a comment",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "Badge.jsx",
        """\
const COLORS = {
  info: "#2563eb",
  warn: "#d97706", // amber█
  error: "#dc2626",
};

export const Badge = ({ kind, children }) => <span style={{ color: COLORS[kind] }}>{children}</span>;
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/jsx-and-log",
        "Header.jsx",
        """\
import { Link } from "react-router-dom";

export function Header({ user }) {
  const links = [
    { to: "/", label: "Home" },
    { to: "/settings", label: "Settings" },
  ];
  // console.log(user);
  █
  return <nav>{links.map((l) => <Link key={l.to} to={l.to}>{l.label}</Link>)}</nav>;
}
""",
    ),
    # --- directive --------------------------------------------------------------------------
    case.completion(
        "directive/eslint-exhaustive-deps",
        "Clock.jsx",
        """\
import { useEffect, useState } from "react";

export function Clock({ tz }) {
  const [now, setNow] = useState(new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
    █
  }, []);
  return <time>{now.toLocaleTimeString("en-US", { timeZone: tz })}</time>;
}
""",
    ),
    # --- header -----------------------------------------------------------------------------
    case.completion(
        "header/copyright",
        "Footer.jsx",
        """\
/**
 * Copyright (c) 2024 Globex Corporation.
 * Licensed under the MIT license.
 */
█
import { version } from "../package.json";

export function Footer() {
  const year = new Date().getFullYear();
  return <footer>© {year} Globex · v{version}</footer>;
}
""",
    ),
    # --- separator --------------------------------------------------------------------------
    case.completion(
        "separator/dashes",
        "Layout.jsx",
        """\
import { Outlet } from "react-router-dom";
import { Header } from "./Header";

export function Layout() {
  return (
    <>
      <Header />
      <Outlet />
    </>
  );
}

// -----------------------------------------------------------------------------
█
""",
    ),
    # --- short-comment ----------------------------------------------------------------------
    case.completion(
        "short-comment/ui",
        "Modal.jsx",
        """\
import { createPortal } from "react-dom";

export function Modal({ open, children }) {
  if (!open) return null;
  const root = document.getElementById("modal-root");
  // UI
  █
  return createPortal(<div className="modal">{children}</div>, root);
}
""",
    ),
    # --- empty-function ---------------------------------------------------------------------
    case.empty_function(
        "empty-function/event-handler",
        "SearchBox.jsx",
        """\
import { useState } from "react";

export function SearchBox({ onSearch }) {
  const [query, setQuery] = useState("");

  const handleSubmit = (event) => {
    █
  };

  return (
    <form onSubmit={handleSubmit}>
      <input value={query} onChange={(e) => setQuery(e.target.value)} />
    </form>
  );
}
""",
    ),
    case.empty_function(
        "empty-function/use-effect-callback",
        "Title.jsx",
        """\
import { useEffect } from "react";

export function Title({ text }) {
  useEffect(() => {█}, [text]);
  return <h1>{text}</h1>;
}

export default Title;
""",
    ),
    case.empty_function(
        "empty-function/component",
        "EmptyState.jsx",
        """\
import illustration from "./empty.svg";

export const MESSAGES = {
  inbox: "No messages yet",
  search: "Nothing matched your search",
};

export function EmptyState({ kind }) {
  █
}
""",
    ),
    # --- empty-block ------------------------------------------------------------------------
    case.completion(
        "empty-block/if-in-component",
        "Profile.jsx",
        """\
export function Profile({ user, loading }) {
  if (loading) {
    █
  }
  return (
    <section>
      <h2>{user.name}</h2>
    </section>
  );
}
""",
    ),
    case.completion(
        "empty-block/style-object",
        "Card.jsx",
        """\
export function Card({ title, children }) {
  return (
    <div className="card" style={{█}}>
      <h3>{title}</h3>
      {children}
    </div>
  );
}
""",
    ),
    # --- small-file -------------------------------------------------------------------------
    case.small_file(
        "small-file/imports-only",
        "App.jsx",
        """\
import React from "react";
import { BrowserRouter } from "react-router-dom";
import { Layout } from "./Layout";
█
""",
    ),
    case.small_file(
        "small-file/one-line-component",
        "Hello.jsx",
        """\
// A tiny greeting used on the landing page.
export const Hello = ({ name }) => <p>Hello, {name}!</p>;█
""",
    ),
    # --- completion -------------------------------------------------------------------------
    case.completion(
        "completion/jsx-attribute",
        "Button.jsx",
        """\
export function Button({ kind = "primary", disabled, onClick, children }) {
  const className = `btn btn-${kind}`;
  return (
    <button className={className} disabled={disabled} onClick={█}>
      {children}
    </button>
  );
}
""",
    ),
    case.completion(
        "completion/after-dot-in-map",
        "TodoList.jsx",
        TODO + "  const done = todos.filter((t) => t.█);\n\n" + TODO_END,
    ),
    # --- docstring --------------------------------------------------------------------------
    case.comment(
        "docstring/jsdoc-above-blank",
        "Tooltip.jsx",
        """\
import { useState } from "react";

export function Arrow() {
  return <span className="tooltip-arrow" />;
}

/**
 * Tooltip: show the text above the children while the pointer hovers them.
 */
█
""",
        "Tooltip: show the text above the children while the pointer hovers them.",
    ),
    # --- scope ------------------------------------------------------------------------------
    case.completion(
        "scope/comment-in-closed-handler",
        "Counter.jsx",
        """\
import { useState } from "react";

export function Counter() {
  const [n, setN] = useState(0);
  const inc = () => {
    setN(n + 1);
    // TODO debounce fast clicks
  };
  █
  return <button onClick={inc}>{n}</button>;
}
""",
    ),
    # --- unicode ----------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-in-jsx-text",
        "Celebrate.jsx",
        """\
export function Celebrate({ name, count }) {
  const stars = "⭐".repeat(count);
  return (
    <p>
      🎉 おめでとう {name}! {stars} {█}
    </p>
  );
}
""",
    ),
    # --- crlf -------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "Sidebar.jsx",
        crlf("""\
import { NavLink } from "react-router-dom";

export function Sidebar({ items }) {
  const active = items.filter((i) => i.visible);
  // render a NavLink for each active item, highlighting the current route
  █
}
"""),
        "render a NavLink for each active item, highlighting the current route",
    ),
]
