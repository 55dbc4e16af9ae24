"""Labelled intent cases for Dart (corpus part B).

Comment syntaxes: `//`, `///`, `/* */`. Closures passed as arguments (`onPressed: () {}`) are
functions for the empty-function rule; class bodies and `if` blocks are not.
"""

from _helpers import Cases, crlf

case = Cases("dart")


CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/in-method",
        "lib/src/services/auth_service.dart",
        r"""import 'package:http/http.dart' as http;
import 'dart:convert';

class AuthService {
  AuthService(this._client);

  final http.Client _client;
  String? _token;

  Future<void> login(String email, String password) async {
    final uri = Uri.parse('https://api.acme.test/login');
    // post the credentials as JSON and store the token from the response body
    █
  }
}
""",
        "post the credentials as JSON and store the token from the response body",
    ),
    case.comment(
        "comment/class-level",
        "lib/src/models/cart.dart",
        r"""class CartItem {
  const CartItem(this.sku, this.price, this.quantity);
  final String sku;
  final int price;
  final int quantity;
}

class Cart {
  final List<CartItem> items = [];

  // a getter with the total price of all items in cents

  █
}
""",
        "a getter with the total price of all items in cents",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/line-comments",
        "lib/src/widgets/product_list.dart",
        r"""import 'package:flutter/material.dart';

import '../models/product.dart';

class ProductList extends StatelessWidget {
  const ProductList({super.key, required this.products});

  final List<Product> products;

  // Build a ListView.separated with one ListTile per product:
  // the name as title, the price formatted with two decimals as trailing,
  // and a Divider between tiles.
  █
}
""",
        "Build a ListView.separated with one ListTile per product:\n"
        "the name as title, the price formatted with two decimals as trailing,\n"
        "and a Divider between tiles.",
    ),
    case.comment(
        "multiline-comment/block-comment",
        "lib/src/utils/debounce.dart",
        r"""import 'dart:async';

class Debouncer {
  Debouncer(this.delay);

  final Duration delay;
  Timer? _timer;

  /*
   * Cancel the running timer and start a new one
   * that calls action after delay.
   */
  █
}
""",
        "Cancel the running timer and start a new one\nthat calls action after delay.",
    ),
    # --- non-english -------------------------------------------------------------------------
    case.comment(
        "non-english/vietnamese",
        "lib/src/utils/format.dart",
        r"""import 'package:intl/intl.dart';

final _dateFormat = DateFormat('dd/MM/yyyy');

String formatDate(DateTime date) => _dateFormat.format(date);

String formatTime(DateTime date) => DateFormat.Hm().format(date);

// định dạng số tiền theo kiểu Việt Nam, ví dụ 1.250.000 ₫
█
""",
        "định dạng số tiền theo kiểu Việt Nam, ví dụ 1.250.000 ₫",
    ),
    case.comment(
        "non-english/hindi",
        "lib/src/services/greeting.dart",
        r"""class GreetingService {
  GreetingService(this.clock);

  final DateTime Function() clock;

  bool get isMorning => clock().hour < 12;

  // समय के अनुसार सुप्रभात, शुभ दोपहर या शुभ संध्या लौटाओ
  █
}
""",
        "समय के अनुसार सुप्रभात, शुभ दोपहर या शुभ संध्या लौटाओ",
    ),
    # --- on-comment ------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-doc-comment",
        "lib/src/models/user.dart",
        r"""class User {
  const User({required this.id, required this.email, this.name});

  final String id;
  final String email;
  final String? name;

  /// The name to show in the app bar, or the email when█
}
""",
    ),
    case.completion(
        "on-comment/middle-of-line-comment",
        "lib/src/models/user.dart",
        r"""class User {
  const User({required this.id, required this.email, this.name});

  final String id;
  // the primary █email, verified at sign-up
  final String email;
  final String? name;
}
""",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "lib/src/config.dart",
        r"""class Config {
  static const apiBase = 'https://api.acme.test';
  static const timeout = Duration(seconds: 20);
  static const pageSize = 25;█ // the API maximum
  static const retries = 3;
}
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/print-and-setstate",
        "lib/src/screens/login_screen.dart",
        r"""import 'package:flutter/material.dart';

class LoginScreen extends StatefulWidget {
  const LoginScreen({super.key});

  @override
  State<LoginScreen> createState() => _LoginScreenState();
}

class _LoginScreenState extends State<LoginScreen> {
  bool _loading = false;

  Future<void> _submit() async {
    // print('submitting');
    // setState(() => _loading = true);
    █
    await Future<void>.delayed(const Duration(seconds: 1));
  }
}
""",
    ),
    # --- directive -------------------------------------------------------------------------
    case.completion(
        "directive/ignore-lint",
        "bin/export.dart",
        r"""import 'dart:io';

Future<void> main(List<String> args) async {
  final file = File(args.first);
  final lines = await file.readAsLines();
  // ignore: avoid_print
  █
  stdout.writeln(lines.length);
}
""",
    ),
    case.completion(
        "directive/ignore-for-file",
        "lib/src/generated/api.g.dart",
        r"""// ignore_for_file: type=lint, unused_import
█
import 'dart:convert';

class ApiModel {
  ApiModel(this.json);
  final Map<String, dynamic> json;

  String encode() => jsonEncode(json);
}
""",
        note="the analyzer's ignore_for_file comment is a linter directive (rule 3)",
    ),
    case.completion(
        "directive/coverage-ignore",
        "lib/src/utils/platform.dart",
        r"""import 'dart:io';

bool get isDesktop => Platform.isMacOS || Platform.isLinux || Platform.isWindows;

bool get isMobile => Platform.isAndroid || Platform.isIOS;

String get platformName => Platform.operatingSystem;

String get pathSeparator => Platform.pathSeparator;

int get cpuCount => Platform.numberOfProcessors;

// coverage:ignore-start
█
""",
        note="a coverage marker is a tool directive (rule 3)",
    ),
    # --- header ----------------------------------------------------------------------------
    case.completion(
        "header/bsd-license",
        "lib/src/widgets/rating_bar.dart",
        r"""// Copyright 2024 The Acme Authors. All rights reserved.
// Use of this source code is governed by a BSD-style license that can be
// found in the LICENSE file.

█
import 'package:flutter/material.dart';

class RatingBar extends StatelessWidget {
  const RatingBar({super.key, required this.rating});

  final int rating;

  @override
  Widget build(BuildContext context) => Row(children: [Text('$rating')]);
}
""",
    ),
    case.completion(
        "header/shebang",
        "tool/bump_version.dart",
        r"""#!/usr/bin/env dart
█
import 'dart:io';

void main() {
  final pubspec = File('pubspec.yaml');
  final text = pubspec.readAsStringSync();
  stdout.writeln(text.split('\n').first);
}
""",
    ),
    # --- separator -------------------------------------------------------------------------
    case.completion(
        "separator/slashes",
        "lib/src/theme.dart",
        r"""import 'package:flutter/material.dart';

const primary = Color(0xFF3366FF);
const secondary = Color(0xFFFFAA00);
const radius = 12.0;
const padding = EdgeInsets.all(16);
const duration = Duration(milliseconds: 200);

/////////////////////////////////////////////////////////////////////////////
█
""",
    ),
    # --- short-comment ---------------------------------------------------------------------
    case.completion(
        "short-comment/numbered",
        "lib/src/theme.dart",
        r"""import 'package:flutter/material.dart';

ThemeData buildTheme() {
  final base = ThemeData.light();
  final scheme = ColorScheme.fromSeed(seedColor: const Color(0xFF3366FF));
  // 1.
  █
  return base.copyWith(colorScheme: scheme);
}
""",
    ),
    # --- empty-function --------------------------------------------------------------------
    case.empty_function(
        "empty-function/on-pressed-closure",
        "lib/src/widgets/checkout_button.dart",
        r"""import 'package:flutter/material.dart';

class CheckoutButton extends StatelessWidget {
  const CheckoutButton({super.key, required this.total});

  final int total;

  @override
  Widget build(BuildContext context) {
    return ElevatedButton(
      onPressed: () {
        █
      },
      child: Text('Pay $total'),
    );
  }
}
""",
    ),
    case.empty_function(
        "empty-function/method",
        "lib/src/repositories/order_repository.dart",
        r"""import '../models/order.dart';
import '../services/api.dart';

class OrderRepository {
  OrderRepository(this._api);

  final Api _api;

  Future<List<Order>> recent({int limit = 20}) async {
    █
  }
}
""",
    ),
    case.empty_function(
        "empty-function/main",
        "bin/server.dart",
        r"""import 'dart:io';

import 'package:shelf/shelf.dart';
import 'package:shelf/shelf_io.dart' as io;

Response _health(Request request) => Response.ok('ok');

final port = int.parse(Platform.environment['PORT'] ?? '8080');

void main() {█}
""",
    ),
    # --- empty-block -----------------------------------------------------------------------
    case.completion(
        "empty-block/if",
        "lib/src/services/cache.dart",
        r"""class Cache<K, V> {
  final _entries = <K, V>{};

  V? get(K key) {
    final value = _entries[key];
    if (value == null) {
      █
    }
    return value;
  }
}
""",
    ),
    case.empty_function(
        "empty-block/class",
        "lib/src/errors.dart",
        r"""class AppException implements Exception {
  const AppException(this.message);
  final String message;

  @override
  String toString() => 'AppException: $message';
}

class NetworkException extends AppException {
  █
}
""",
        note="team precision 1 (rule 5): an empty class body is an empty definition; the user wants its members generated",
    ),
    # --- small-file ------------------------------------------------------------------------
    case.small_file(
        "small-file/barrel-exports",
        "lib/acme_shop.dart",
        r"""library acme_shop;

export 'src/models/cart.dart';
export 'src/models/user.dart';
█
""",
    ),
    case.small_file(
        "small-file/comment-heavy",
        "lib/src/constants.dart",
        r"""/// Keys used for local storage.
///
/// Changing a key logs every user out, because the stored
/// token can no longer be found.

const tokenKey = 'auth_token';
const themeKey = 'theme_mode';
█
""",
    ),
    # --- completion ------------------------------------------------------------------------
    case.completion(
        "completion/after-dot",
        "lib/src/screens/profile_screen.dart",
        r"""import 'package:flutter/material.dart';

class ProfileScreen extends StatelessWidget {
  const ProfileScreen({super.key, required this.name});

  final String name;

  @override
  Widget build(BuildContext context) {
    final theme = Theme.of(context);
    return Text(name, style: theme.textTheme.█);
  }
}
""",
    ),
    case.completion(
        "completion/named-argument",
        "lib/src/screens/profile_screen.dart",
        r"""import 'package:flutter/material.dart';

class Avatar extends StatelessWidget {
  const Avatar({super.key, required this.url});

  final String url;

  @override
  Widget build(BuildContext context) {
    return CircleAvatar(radius: 24, backgroundImage: NetworkImage(url), █);
  }
}
""",
    ),
    # --- docstring -------------------------------------------------------------------------
    case.comment(
        "docstring/triple-slash",
        "lib/src/utils/validators.dart",
        r"""final _emailPattern = RegExp(r'^[^@\s]+@[^@\s]+\.[^@\s]+$');

bool isEmail(String value) => _emailPattern.hasMatch(value);

bool isNotBlank(String value) => value.trim().isNotEmpty;

/// Returns an error message when the password is shorter than 10 characters
/// or has no digit, and null when it is valid.
█
""",
        "Returns an error message when the password is shorter than 10 characters\n"
        "or has no digit, and null when it is valid.",
    ),
    # --- scope -----------------------------------------------------------------------------
    case.completion(
        "scope/comment-in-closed-method",
        "lib/src/services/logger.dart",
        r"""class Logger {
  Logger(this.name);

  final String name;

  void info(String message) {
    print('[$name] $message');
    // add a timestamp prefix
  }
█
}
""",
    ),
    case.completion(
        "scope/comment-then-statement",
        "lib/src/services/logger.dart",
        r"""class Logger {
  Logger(this.name);

  final String name;

  void warn(String message) {
    // warnings go to stderr
    final line = '[$name] WARN $message';

    █
  }
}
""",
    ),
    # --- unicode ---------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-string",
        "lib/src/widgets/empty_cart.dart",
        r"""import 'package:flutter/material.dart';

class EmptyCart extends StatelessWidget {
  const EmptyCart({super.key});

  @override
  Widget build(BuildContext context) {
    return const Center(child: Text('🛒 カートは空です 😢', style: █));
  }
}
""",
    ),
    # --- crlf ------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "lib/src/models/address.dart",
        crlf(
            r"""class Address {
  const Address({required this.street, required this.city, required this.zip});

  final String street;
  final String city;
  final String zip;

  // a toJson method returning a map with the three fields
  █
}
"""
        ),
        "a toJson method returning a map with the three fields",
    ),
    case.empty_function(
        "crlf/empty-function",
        "lib/src/models/address.dart",
        crlf(
            r"""class Address {
  const Address({required this.street, required this.city, required this.zip});

  final String street;
  final String city;
  final String zip;

  Address copyWith({String? street, String? city, String? zip}) {
    █
  }
}
"""
        ),
    ),
    # --- edge cases --------------------------------------------------------------------------
    case.comment(
        "directive/with-prose",
        "lib/src/services/analytics.dart",
        r"""class Analytics {
  Analytics(this.enabled);

  final bool enabled;
  final List<String> _events = [];

  // ignore: unused_element
  // flush the queued events to the backend in one batch and clear the queue
  █
}
""",
        "flush the queued events to the backend in one batch and clear the queue",
        note="the analyzer directive line is dropped from the block",
    ),
    case.small_file(
        "separator/around-instruction",
        "lib/src/router.dart",
        r"""import 'package:go_router/go_router.dart';

import 'screens/home_screen.dart';
import 'screens/cart_screen.dart';

final routes = <GoRoute>[];

// ---------------------------------------------------------------------------
// a GoRouter with routes for / and /cart and a redirect to /login when signed out
// ---------------------------------------------------------------------------
█
""",
        note="team precision 2 (rule 2): the block's last line is a separator (no letter or digit), an empty comment, so no instruction lies directly above the cursor; rule 4 then applies",
    ),
    case.empty_function(
        "empty-function/local-function",
        "lib/src/utils/retry.dart",
        r"""import 'dart:async';

Future<T> retry<T>(Future<T> Function() action, {int attempts = 3}) async {
  var delay = const Duration(milliseconds: 200);
  Duration nextDelay(Duration d) {
    █
  }
  for (var i = 0; i < attempts - 1; i++) {
    try {
      return await action();
    } catch (_) {
      await Future<void>.delayed(delay);
      delay = nextDelay(delay);
    }
  }
  return action();
}
""",
        note="a local function nested in a function that has statements",
    ),
    case.completion(
        "on-comment/small-file",
        "lib/src/models/tag.dart",
        r"""/// A label the user attaches█ to a note.
class Tag {}
""",
    ),
]
