"""Labelled intent cases for OCaml (corpus part B).

Comment syntaxes: `(* *)` and doc comments `(** *)`; there are no line comments. Attributes
(`[@@@ocaml.warning ...]`) are code. `let f x =` with nothing after it and `fun x ->` with an
empty body are empty functions; `struct ... end` and `begin ... end` are not.
"""

from _helpers import Cases, crlf

case = Cases("ocaml")


CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/top-level",
        "lib/pricing.ml",
        r"""let vat_rate = 0.19

let net_to_gross net = net *. (1.0 +. vat_rate)

let format_price cents =
  Printf.sprintf "%d.%02d EUR" (cents / 100) (cents mod 100)

(* apply a percentage discount to a price in cents, rounding down *)
█
""",
        "apply a percentage discount to a price in cents, rounding down",
    ),
    case.comment(
        "comment/in-function",
        "lib/inventory.ml",
        r"""module StringMap = Map.Make (String)

type t = int StringMap.t

let empty : t = StringMap.empty

let reserve sku qty (stock : t) =
  let available = Option.value ~default:0 (StringMap.find_opt sku stock) in
  (* return Error when available is below qty, otherwise the updated map *)

  █
""",
        "return Error when available is below qty, otherwise the updated map",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/block",
        "lib/tokenizer.ml",
        r"""type token =
  | Int of int
  | Plus
  | Minus
  | Lparen
  | Rparen

let is_digit c = c >= '0' && c <= '9'

(* Turn the input string into a list of tokens.
   Skip spaces, read runs of digits as one Int,
   and fail with Invalid_argument on any other character. *)
█
""",
        "Turn the input string into a list of tokens.\n"
        "Skip spaces, read runs of digits as one Int,\n"
        "and fail with Invalid_argument on any other character.",
    ),
    case.comment(
        "multiline-comment/star-prefixed",
        "lib/cache.ml",
        r"""type 'a entry = { value : 'a; expires_at : float }

type 'a t = (string, 'a entry) Hashtbl.t

let create () : 'a t = Hashtbl.create 64

let now () = Unix.gettimeofday ()

(*
 * Look the key up and return Some value when the entry
 * has not expired; remove expired entries on the way.
 *)
█
""",
        "Look the key up and return Some value when the entry\n"
        "has not expired; remove expired entries on the way.",
    ),
    # --- non-english -------------------------------------------------------------------------
    case.comment(
        "non-english/french",
        "lib/dates.ml",
        r"""let days_in_month year month =
  match month with
  | 2 -> if year mod 4 = 0 && (year mod 100 <> 0 || year mod 400 = 0) then 29 else 28
  | 4 | 6 | 9 | 11 -> 30
  | _ -> 31

let is_weekend day = day = 6 || day = 7

(* calcule le nombre de jours ouvrés entre deux dates, jours fériés exclus *)
█
""",
        "calcule le nombre de jours ouvrés entre deux dates, jours fériés exclus",
    ),
    case.comment(
        "non-english/japanese",
        "lib/users.ml",
        r"""type user = { id : int; name : string; age : int }

let by_age users = List.sort (fun a b -> compare a.age b.age) users

let names users = List.map (fun u -> u.name) users

let adults users = List.filter (fun u -> u.age >= 18) users

(* 年齢でユーザーをグループ化し、各グループの人数を返す *)
█
""",
        "年齢でユーザーをグループ化し、各グループの人数を返す",
    ),
    # --- on-comment ------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-unclosed-comment",
        "lib/config.ml",
        r"""type t = { port : int; workers : int; log_level : string }

let default = { port = 8080; workers = 4; log_level = "info" }

let with_port port t = { t with port }

let with_workers workers t = { t with workers }

(* read the config from the environment, falling back to█
""",
        note="the comment is not closed yet: the user is still typing it",
    ),
    case.completion(
        "on-comment/inside-doc-comment",
        "lib/config.ml",
        r"""type t = { port : int; workers : int; log_level : string }

(** The default configuration: port 8080,
    four█ workers, info logging. *)
let default = { port = 8080; workers = 4; log_level = "info" }

let with_port port t = { t with port }

let with_workers workers t = { t with workers }
""",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "lib/limits.ml",
        r"""let max_connections = 1024

let read_timeout = 5.0

let max_body = 1 lsl 20█ (* 1 MiB *)

let max_headers = 64

let keep_alive = true
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/debug-print",
        "lib/server.ml",
        r"""let handle_request body =
  let lines = String.split_on_char '\n' body in
  let count = List.length lines in
  (* Printf.printf "got %d lines\n" count; *)
  (* let () = flush stdout in *)
  █
  count

let () = ignore (handle_request "")

let () = print_endline "ready"
""",
        note="both comments hold OCaml expressions: commented-out code (rule 3)",
    ),
    # --- directive -------------------------------------------------------------------------
    case.completion(
        "directive/emacs-mode-line",
        "lib/router.ml",
        r"""(* -*- mode: tuareg; -*- *)
█
type route = Get of string | Post of string

let routes = [ Get "/"; Get "/health"; Post "/orders" ]

let path = function Get p | Post p -> p

let paths = List.map path routes

let is_get = function Get _ -> true | Post _ -> false

let get_paths = List.filter_map (function Get p -> Some p | Post _ -> None) routes
""",
    ),
    case.completion(
        "directive/bisect-ignore",
        "lib/debug.ml",
        r"""let enabled = ref false

let enable () = enabled := true

let disable () = enabled := false

let log fmt = Printf.ksprintf (fun s -> if !enabled then prerr_endline s) fmt

let is_enabled () = !enabled

let toggle () = enabled := not !enabled

(*BISECT-IGNORE-BEGIN*)
█
""",
        note="a bisect_ppx coverage marker is a tool directive",
    ),
    # --- header ----------------------------------------------------------------------------
    case.completion(
        "header/license",
        "lib/queue.ml",
        r"""(*---------------------------------------------------------------------------
   Copyright (c) 2024 Acme Labs. All rights reserved.
   SPDX-License-Identifier: ISC
  ---------------------------------------------------------------------------*)

█
type 'a t = { front : 'a list; back : 'a list }

let empty = { front = []; back = [] }

let push x q = { q with back = x :: q.back }

let is_empty q = q.front = [] && q.back = []

let length q = List.length q.front + List.length q.back

let to_list q = q.front @ List.rev q.back
""",
    ),
    case.completion(
        "header/shebang",
        "scripts/count_words.ml",
        r"""#!/usr/bin/env ocaml
█
let () =
  let counts = Hashtbl.create 100 in
  let rec loop () =
    match input_line stdin with
    | line -> Hashtbl.replace counts line (); loop ()
    | exception End_of_file -> ()
  in
  loop ();
  print_int (Hashtbl.length counts)
""",
    ),
    # --- separator -------------------------------------------------------------------------
    case.completion(
        "separator/stars",
        "lib/vec.ml",
        r"""type t = { x : float; y : float }

let zero = { x = 0.0; y = 0.0 }

let add a b = { x = a.x +. b.x; y = a.y +. b.y }

let scale k v = { x = k *. v.x; y = k *. v.y }

let neg v = { x = -.v.x; y = -.v.y }

let sub a b = add a (neg b)

(*****************************************************************************)
█
""",
    ),
    # --- short-comment ---------------------------------------------------------------------
    case.completion(
        "short-comment/ok",
        "lib/vec.ml",
        r"""type t = { x : float; y : float }

let zero = { x = 0.0; y = 0.0 }

let add a b = { x = a.x +. b.x; y = a.y +. b.y }

let dot a b = (a.x *. b.x) +. (a.y *. b.y)

let length v = sqrt (dot v v)

let unit_x = { x = 1.0; y = 0.0 }

(* ok *)
█
""",
    ),
    # --- empty-function --------------------------------------------------------------------
    case.empty_function(
        "empty-function/let-binding",
        "lib/slug.ml",
        r"""let is_alnum c =
  match c with
  | 'a' .. 'z' | 'A' .. 'Z' | '0' .. '9' -> true
  | _ -> false

let slugify title =
  █

let () = print_endline (slugify "Hello World")
""",
        note="a function binding whose body is still empty; the parse has an error here",
    ),
    case.empty_function(
        "empty-function/fun-argument",
        "lib/report.ml",
        r"""type line = { label : string; amount : int }

let total lines = List.fold_left (fun acc l -> acc + l.amount) 0 lines

let print_report lines =
  print_endline "Report";
  List.iter (fun line ->
    █)
    lines;
  Printf.printf "Total: %d\n" (total lines)
""",
        note="an anonymous function with an empty body inside a non-empty function",
    ),
    # --- empty-block -----------------------------------------------------------------------
    case.empty_function(
        "empty-block/module-struct",
        "lib/store.ml",
        r"""module type STORE = sig
  type t
  val get : t -> string -> string option
  val set : t -> string -> string -> unit
end

module Memory : STORE = struct
  █
end
""",
        note="team precision 1 (rule 5): an empty module structure (`struct ... end`) body is an empty definition; the user wants its members generated",
    ),
    case.completion(
        "empty-block/begin-end",
        "lib/store.ml",
        r"""let save path data =
  let oc = open_out path in
  output_string oc data;
  if String.length data = 0 then begin
    █
  end;
  close_out oc
""",
    ),
    # --- small-file ------------------------------------------------------------------------
    case.small_file(
        "small-file/opens-only",
        "bin/main.ml",
        r"""open Lwt.Syntax
open Cohttp_lwt_unix
█
""",
    ),
    case.small_file(
        "small-file/comment-heavy",
        "lib/version.ml",
        r"""(** The version of the server.

    Bumped by the release script; do not edit by hand.
    The CI checks that it matches the dune-project file. *)

let version = "1.8.0"
█
""",
    ),
    # --- completion ------------------------------------------------------------------------
    case.completion(
        "completion/module-access",
        "lib/stats.ml",
        r"""let mean xs =
  let n = float_of_int (List.length xs) in
  List.fold_left ( +. ) 0.0 xs /. n

let variance xs =
  let m = mean xs in
  let sq = List.map (fun x -> (x -. m) ** 2.0) xs in
  mean sq

let median xs =
  let sorted = List.█
""",
    ),
    case.completion(
        "completion/argument",
        "lib/stats.ml",
        r"""let percentile p xs =
  let sorted = List.sort compare xs in
  let n = List.length sorted in
  let idx = int_of_float (p *. float_of_int (n - 1)) in
  List.nth sorted █

let p95 = percentile 0.95
""",
    ),
    # --- docstring -------------------------------------------------------------------------
    case.comment(
        "docstring/doc-comment",
        "lib/validate.ml",
        r"""let is_digit c = c >= '0' && c <= '9'

let is_sku s = String.length s = 8 && String.for_all (fun c -> is_digit c) s

let non_empty s = String.trim s <> ""

(** [is_email s] is true when [s] has exactly one '@'
    and a dot somewhere after it. *)
█
""",
        "[is_email s] is true when [s] has exactly one '@'\nand a dot somewhere after it.",
    ),
    # --- scope -----------------------------------------------------------------------------
    case.completion(
        "scope/comment-then-binding",
        "lib/timer.ml",
        r"""(* seconds since the epoch *)
let now () = Unix.gettimeofday ()

█
let elapsed start = now () -. start

let ms s = s *. 1000.0

let sleep_ms n = Unix.sleepf (float_of_int n /. 1000.0)

let minutes m = m *. 60.0

let hours h = minutes (h *. 60.0)
""",
    ),
    case.completion(
        "scope/comment-in-closed-struct",
        "lib/timer.ml",
        r"""module Clock = struct
  let now () = Unix.gettimeofday ()

  let since start = now () -. start
  (* use a monotonic clock instead *)
end
█

let elapsed = Clock.since

let now = Clock.now
""",
    ),
    # --- unicode ---------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-string",
        "bin/hello.ml",
        r"""let greet name = Printf.sprintf "👋 Привет, %s! 🎉" name

let farewell name = "Bye " ^ name

let () =
  let name = Sys.argv.(1) in
  print_endline (greet name);
  print_endline ("🚀 " ^ █)
""",
    ),
    # --- crlf ------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "lib/stack.ml",
        crlf(
            r"""type 'a t = 'a list ref

let create () : 'a t = ref []

let push x (s : 'a t) = s := x :: !s

let is_empty (s : 'a t) = !s = []

(* pop the top element, returning None when the stack is empty *)
█
"""
        ),
        "pop the top element, returning None when the stack is empty",
    ),
    # --- edge cases --------------------------------------------------------------------------
    case.completion(
        "separator/around-instruction",
        "lib/http.ml",
        r"""type meth = GET | POST | PUT | DELETE

type request = { meth : meth; path : string }

let meth_of_string = function
  | "GET" -> Some GET
  | "POST" -> Some POST
  | _ -> None

(* ------------------------------------------------------------------------- *)
(* parse a request line like "GET /path HTTP/1.1" into a request record *)
(* ------------------------------------------------------------------------- *)
█
""",
        note="team precision 2 (rule 2): the block's last line is a separator (no letter or digit), an empty comment, so no instruction lies directly above the cursor",
    ),
    case.comment(
        "header/then-instruction",
        "lib/base64url.ml",
        r"""(* Copyright (c) 2024 Acme Labs. SPDX-License-Identifier: ISC *)

(* encode a string as URL-safe base64 without padding *)
█
""",
        "encode a string as URL-safe base64 without padding",
    ),
    case.completion(
        "on-comment/small-file",
        "bin/dune_main.ml",
        r"""let () = Shop.Server.run ()
(* start the server on the█
""",
    ),
    case.completion(
        "scope/comment-in-closed-function",
        "lib/money.ml",
        r"""let cents_of_euros e =
  let c = Float.round (e *. 100.0) in
  (* round half away from zero *)
  int_of_float c

█

let euros_of_cents c = float_of_int c /. 100.0

let zero = 0

let add a b = a + b
""",
        note="the comment is followed by the function's last expression, so it is not directly above the cursor",
    ),
]
