"""Labelled intent cases for TypeScriptReact (corpus part A). The cursor is marked with █."""

from _helpers import Cases, crlf

case = Cases("typescriptreact")


TABLE = """\
import { useMemo, useState } from "react";

export interface Row {
  id: string;
  name: string;
  score: number;
}

interface Props {
  rows: Row[];
}

export function ScoreTable({ rows }: Props) {
  const [desc, setDesc] = useState(true);
"""

CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/inside-component",
        "ScoreTable.tsx",
        TABLE + "  // sort the rows by score using useMemo, descending when desc is true\n  █\n}\n",
        "sort the rows by score using useMemo, descending when desc is true",
    ),
    case.comment(
        "comment/top-level-hook",
        "useDebounce.tsx",
        """\
import { useEffect, useState } from "react";

export const DEFAULT_DELAY = 300;

export function useToggle(initial = false): [boolean, () => void] {
  const [on, setOn] = useState(initial);
  return [on, () => setOn((v) => !v)];
}

// useDebounce hook: return value only after it has stopped changing for delay ms
█
""",
        "useDebounce hook: return value only after it has stopped changing for delay ms",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/block-comment-in-component",
        "Chart.tsx",
        """\
import { useRef } from "react";

type Point = { x: number; y: number };

export function Chart({ points }: { points: Point[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  /*
   * Draw the points as a line on the canvas after every render,
   * scaling them to fit the canvas size.
   */
  █
}
""",
        "Draw the points as a line on the canvas after every render,\nscaling them to fit the canvas size.",
    ),
    case.comment(
        "multiline-comment/ts-expect-error-dropped",
        "Legacy.tsx",
        """\
import LegacyWidget from "legacy-widget";

export interface LegacyProps {
  id: string;
  theme?: "light" | "dark";
}

// @ts-expect-error
// wrap LegacyWidget in a component that passes the theme as a data attribute
█
""",
        "wrap LegacyWidget in a component that passes the theme as a data attribute",
    ),
    # --- non-english ------------------------------------------------------------------------
    case.comment(
        "non-english/chinese",
        "UserCard.tsx",
        """\
export interface User {
  id: number;
  name: string;
  avatarUrl?: string;
}

export function UserCard({ user }: { user: User }) {
  const initials = user.name.slice(0, 1);
  // 显示用户头像和名字，如果没有头像就显示首字母
  █
}
""",
        "显示用户头像和名字，如果没有头像就显示首字母",
    ),
    case.comment(
        "non-english/korean",
        "Timer.tsx",
        """\
import { useEffect, useState } from "react";

export function Timer({ seconds }: { seconds: number }) {
  const [left, setLeft] = useState(seconds);
  // 1초마다 남은 시간을 줄이고 0이 되면 멈춘다
  █
  return <span>{left}</span>;
}
""",
        "1초마다 남은 시간을 줄이고 0이 되면 멈춘다",
    ),
    # --- on-comment -------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-comment",
        "ScoreTable.tsx",
        TABLE + "  // sort the rows by score█\n}\n",
    ),
    case.completion(
        "on-comment/start-of-line",
        "ScoreTable.tsx",
        TABLE + "█  // sort the rows by score\n\n}\n",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "theme.tsx",
        """\
export const theme = {
  primary: "#0f766e",
  radius: █8, // px
  spacing: 4,
  font: "Inter, sans-serif",
} as const;
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/set-state",
        "Toggle.tsx",
        """\
import { useState } from "react";

export function Toggle({ label }: { label: string }) {
  const [on, setOn] = useState(false);
  // setOn(!on);
  █
  return <button onClick={() => setOn((v) => !v)}>{label}: {on ? "on" : "off"}</button>;
}
""",
    ),
    # --- directive --------------------------------------------------------------------------
    case.completion(
        "directive/ts-ignore",
        "Portal.tsx",
        """\
import { ReactNode } from "react";
import { createPortal } from "react-dom";

export function Portal({ children }: { children: ReactNode }) {
  const target = document.getElementById("portal");
  // @ts-ignore
  █
  return createPortal(children, target);
}
""",
    ),
    # --- header -----------------------------------------------------------------------------
    case.completion(
        "header/spdx",
        "Logo.tsx",
        """\
// SPDX-License-Identifier: Apache-2.0
// Copyright 2025 The Lighthouse Authors
█

export interface LogoProps {
  size?: number;
}

export function Logo({ size = 32 }: LogoProps) {
  return <img src="/logo.svg" width={size} height={size} alt="Lighthouse" />;
}
""",
    ),
    # --- separator --------------------------------------------------------------------------
    case.completion(
        "separator/equals",
        "Tabs.tsx",
        """\
import { useState } from "react";

export function Tabs({ labels }: { labels: string[] }) {
  const [active, setActive] = useState(0);
  return <div role="tablist">{labels[active]}</div>;
}

// =============================================================================
█
""",
    ),
    # --- short-comment ----------------------------------------------------------------------
    case.completion(
        "short-comment/question-mark",
        "Field.tsx",
        """\
export interface FieldProps {
  label: string;
  value: string;
  onChange: (v: string) => void;
}

// ??
█
""",
    ),
    # --- empty-function ---------------------------------------------------------------------
    case.empty_function(
        "empty-function/typed-handler",
        "Uploader.tsx",
        """\
import { ChangeEvent, useState } from "react";

export function Uploader() {
  const [files, setFiles] = useState<File[]>([]);

  const onChange = (event: ChangeEvent<HTMLInputElement>): void => {
    █
  };

  return <input type="file" multiple onChange={onChange} />;
}
""",
    ),
    case.empty_function(
        "empty-function/component-returning-element",
        "Breadcrumbs.tsx",
        """\
import { Link } from "react-router-dom";

export interface Crumb {
  href: string;
  label: string;
}

export function Breadcrumbs({ crumbs }: { crumbs: Crumb[] }): JSX.Element {█}
""",
    ),
    case.empty_function(
        "empty-function/class-component-method",
        "ErrorBoundary.tsx",
        """\
import { Component, ErrorInfo, ReactNode } from "react";

export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  componentDidCatch(error: Error, info: ErrorInfo): void {
    █
  }

  render() {
    return this.state.failed ? <p>Something went wrong.</p> : this.props.children;
  }
}
""",
    ),
    # --- empty-block ------------------------------------------------------------------------
    case.empty_function(
        "empty-block/props-interface",
        "Divider.tsx",
        """\
export interface DividerProps {
  █
}

export function Divider(props: DividerProps) {
  return <hr className="divider" {...props} />;
}
""",
        note="team precision 1 (rule 5): an empty interface body is an empty definition; the user wants its members generated",
    ),
    case.completion(
        "empty-block/switch-case",
        "Icon.tsx",
        """\
export function iconFor(kind: "file" | "folder" | "link"): string {
  let icon = "📄";
  switch (kind) {
    █
  }
  return icon;
}
""",
    ),
    # --- small-file -------------------------------------------------------------------------
    case.small_file(
        "small-file/reexports",
        "components/index.tsx",
        """\
export { Button } from "./Button";
export { Modal } from "./Modal";
export type { ButtonProps } from "./Button";
█
""",
    ),
    case.small_file(
        "small-file/tiny-component",
        "Spacer.tsx",
        """\
/** Vertical space of n * 4 pixels. */
export const Spacer = ({ n = 1 }: { n?: number }) => <div style={{ height: n * 4 }} />;
█
""",
    ),
    # --- completion -------------------------------------------------------------------------
    case.completion(
        "completion/generic-hook-call",
        "Settings.tsx",
        """\
import { useState } from "react";

type Mode = "light" | "dark" | "system";

export function Settings() {
  const [mode, setMode] = useState<█>("system");
  return <p>{mode}</p>;
}
""",
    ),
    case.completion(
        "completion/props-destructuring",
        "Avatar.tsx",
        """\
export interface AvatarProps {
  src: string;
  alt: string;
  size?: number;
}

export function Avatar({ src, alt, █ }: AvatarProps) {
  return <img src={src} alt={alt} />;
}
""",
    ),
    # --- docstring --------------------------------------------------------------------------
    case.comment(
        "docstring/tsdoc-above-blank",
        "Rating.tsx",
        """\
export type Stars = 1 | 2 | 3 | 4 | 5;

export interface RatingProps {
  value: Stars;
  onChange?: (v: Stars) => void;
}

/**
 * Rating: render five star buttons and call onChange with the clicked value.
 */
█
""",
        "Rating: render five star buttons and call onChange with the clicked value.",
    ),
    # --- scope ------------------------------------------------------------------------------
    case.completion(
        "scope/comment-then-code",
        "Clock.tsx",
        """\
import { useEffect, useState } from "react";

export function Clock() {
  // tick every second
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, []);
  █
}
""",
    ),
    # --- unicode ----------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-label",
        "Reactions.tsx",
        """\
const REACTIONS = ["👍", "❤️", "😂", "🎉"] as const;

export function Reactions({ onPick }: { onPick: (r: string) => void }) {
  return (
    <div aria-label="リアクション 😀">
      {REACTIONS.map((r) => <button key={r} onClick={() => onPick(█)}>{r}</button>)}
    </div>
  );
}
""",
    ),
    # --- crlf -------------------------------------------------------------------------------
    case.completion(
        "crlf/completion",
        "Status.tsx",
        crlf("""\
export type Status = "idle" | "busy" | "error";

const COLORS: Record<Status, string> = { idle: "gray", busy: "blue", error: "red" };

export function StatusDot({ status }: { status: Status }) {
  return <span style={{ color: COLORS[█] }}>●</span>;
}
"""),
    ),
    case.empty_function(
        "crlf/empty-function",
        "Dialog.tsx",
        crlf("""\
import { useRef } from "react";

export function Dialog({ title }: { title: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = (): void => {
    █
  };
  return <dialog ref={ref}>{title}</dialog>;
}
"""),
    ),
]
