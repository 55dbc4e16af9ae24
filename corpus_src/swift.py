"""Labelled intent cases for Swift (corpus part B).

Comment syntaxes: `//`, `///`, `/* */`. Closures (`{ x in ... }`, trailing closures) are
functions for the empty-function rule; types, `if`, `guard ... else` blocks are not.
"""

from _helpers import Cases, crlf

case = Cases("swift")


CASES = [
    # --- comment -------------------------------------------------------------------------
    case.comment(
        "comment/in-method",
        "Sources/App/Services/ImageCache.swift",
        r"""import UIKit

final class ImageCache {
    private let cache = NSCache<NSURL, UIImage>()
    private let session: URLSession

    init(session: URLSession = .shared) {
        self.session = session
    }

    func image(for url: URL) async throws -> UIImage {
        if let cached = cache.object(forKey: url as NSURL) {
            return cached
        }
        // download the image, decode it off the main thread and store it in the cache
        █
    }
}
""",
        "download the image, decode it off the main thread and store it in the cache",
    ),
    case.comment(
        "comment/type-level",
        "Sources/App/Models/Temperature.swift",
        r"""import Foundation

struct Temperature {
    let celsius: Double

    var fahrenheit: Double {
        celsius * 9 / 5 + 32
    }

    // a static factory that builds a Temperature from kelvin

    █
}
""",
        "a static factory that builds a Temperature from kelvin",
    ),
    # --- multiline-comment -----------------------------------------------------------------
    case.comment(
        "multiline-comment/line-comments",
        "Sources/App/Networking/APIClient.swift",
        r"""import Foundation

enum APIError: Error {
    case badStatus(Int)
    case decoding(Error)
}

struct APIClient {
    let baseURL: URL
    let session: URLSession

    // Send a GET request to baseURL appending the path,
    // check that the status code is 2xx, otherwise throw APIError.badStatus,
    // and decode the body as T with a JSONDecoder using snake_case keys.
    █
}
""",
        "Send a GET request to baseURL appending the path,\n"
        "check that the status code is 2xx, otherwise throw APIError.badStatus,\n"
        "and decode the body as T with a JSONDecoder using snake_case keys.",
    ),
    case.comment(
        "multiline-comment/block-comment",
        "Sources/App/Utilities/Debouncer.swift",
        r"""import Foundation

final class Debouncer {
    private let delay: TimeInterval
    private var workItem: DispatchWorkItem?

    init(delay: TimeInterval) {
        self.delay = delay
    }

    /*
     Cancel the pending work item, then schedule the action
     on the main queue after `delay` seconds.
     */
    █
}
""",
        "Cancel the pending work item, then schedule the action\non the main queue after `delay` seconds.",
    ),
    # --- non-english -------------------------------------------------------------------------
    case.comment(
        "non-english/japanese",
        "Sources/App/Views/ProfileViewModel.swift",
        r"""import Combine
import Foundation

@MainActor
final class ProfileViewModel: ObservableObject {
    @Published var name = ""
    @Published var email = ""
    @Published var isSaving = false

    private let api: APIClient

    init(api: APIClient) {
        self.api = api
    }

    // 入力されたメールアドレスを検証して、無効ならエラーメッセージを表示する
    █
}
""",
        "入力されたメールアドレスを検証して、無効ならエラーメッセージを表示する",
    ),
    case.comment(
        "non-english/korean",
        "Sources/App/Storage/Settings.swift",
        r"""import Foundation

enum Settings {
    private static let defaults = UserDefaults.standard

    static var username: String? {
        get { defaults.string(forKey: "username") }
        set { defaults.set(newValue, forKey: "username") }
    }

    /// 다크 모드 설정을 저장하고 읽는 프로퍼티
    █
}
""",
        "다크 모드 설정을 저장하고 읽는 프로퍼티",
    ),
    # --- on-comment ------------------------------------------------------------------------
    case.completion(
        "on-comment/end-of-doc-comment",
        "Sources/App/Models/Order.swift",
        r"""import Foundation

struct Order: Codable, Identifiable {
    let id: UUID
    let items: [LineItem]
    let placedAt: Date

    /// The sum of all line items, in cents, without█
}
""",
    ),
    case.completion(
        "on-comment/middle-of-block",
        "Sources/App/Models/Order.swift",
        r"""import Foundation

struct Order: Codable, Identifiable {
    let id: UUID
    let items: [LineItem]
    let placedAt: Date

    /*
     The sum of all █line items, in cents.
     */
    var total: Int { items.reduce(0) { $0 + $1.price } }
}
""",
    ),
    case.completion(
        "on-comment/trailing-comment",
        "Sources/App/Config/Constants.swift",
        r"""import Foundation

enum Constants {
    static let apiVersion = "v2"
    static let pageSize = 50
    static let timeout: TimeInterval = 30█ // seconds
    static let retryCount = 3
}
""",
    ),
    # --- commented-out-code ----------------------------------------------------------------
    case.completion(
        "commented-out-code/print-call",
        "Sources/App/Views/LoginViewController.swift",
        r"""import UIKit

final class LoginViewController: UIViewController {
    @IBOutlet private var emailField: UITextField!
    @IBOutlet private var passwordField: UITextField!

    override func viewDidLoad() {
        super.viewDidLoad()
        emailField.becomeFirstResponder()
        // print("login screen loaded")
        // passwordField.isSecureTextEntry = true
        █
    }
}
""",
    ),
    # --- directive -------------------------------------------------------------------------
    case.completion(
        "directive/swiftlint-disable",
        "Sources/App/Legacy/ObjCBridge.swift",
        r"""import Foundation

final class ObjCBridge {
    private let storage: NSMutableDictionary

    init(storage: NSMutableDictionary) {
        self.storage = storage
    }

    func value(for key: String) -> String {
        // swiftlint:disable:next force_cast
        █
        return storage[key] as! String
    }
}
""",
    ),
    case.completion(
        "directive/mark",
        "Sources/App/Views/FeedViewController.swift",
        r"""import UIKit

final class FeedViewController: UITableViewController {
    private var posts: [Post] = []

    override func viewDidLoad() {
        super.viewDidLoad()
        tableView.register(PostCell.self, forCellReuseIdentifier: "post")
    }

    // MARK: - UITableViewDataSource
    █
}
""",
        note="`// MARK:` is an Xcode navigation directive, like #region",
    ),
    case.completion(
        "directive/tools-version",
        "Package.swift",
        r"""// swift-tools-version:5.9
█
import PackageDescription

let package = Package(
    name: "Acme",
    platforms: [.iOS(.v16), .macOS(.v13)],
    products: [.library(name: "Acme", targets: ["Acme"])],
    targets: [
        .target(name: "Acme"),
        .testTarget(name: "AcmeTests", dependencies: ["Acme"]),
    ]
)
""",
        note="swift-tools-version is read by SwiftPM; it is a tool directive",
    ),
    # --- header ----------------------------------------------------------------------------
    case.completion(
        "header/xcode-copyright",
        "Acme/Views/SettingsView.swift",
        r"""//
//  SettingsView.swift
//  Acme
//
//  Created by Jane Doe on 12/03/2024.
//  Copyright © 2024 Acme Inc. All rights reserved.
//

█
import SwiftUI

struct SettingsView: View {
    @AppStorage("notifications") private var notifications = true

    var body: some View {
        Form {
            Toggle("Notifications", isOn: $notifications)
        }
    }
}
""",
    ),
    case.completion(
        "header/shebang-script",
        "scripts/bump-version.swift",
        r"""#!/usr/bin/swift
█
import Foundation

let path = "Sources/App/Version.swift"
let contents = try String(contentsOfFile: path, encoding: .utf8)
let parts = contents.split(separator: ".")
print("current version: \(parts)")
exit(0)
""",
    ),
    # --- separator -------------------------------------------------------------------------
    case.completion(
        "separator/equals",
        "Sources/App/Theme.swift",
        r"""import SwiftUI

enum Theme {
    static let primary = Color("Primary")
    static let secondary = Color("Secondary")
    static let cornerRadius: CGFloat = 12

    // ==========================================================
    █
}
""",
    ),
    # --- short-comment ---------------------------------------------------------------------
    case.completion(
        "short-comment/ui",
        "Sources/App/Views/CartView.swift",
        r"""import SwiftUI

struct CartView: View {
    @ObservedObject var cart: Cart

    var body: some View {
        List(cart.items) { item in
            Text(item.name)
        }
        // UI
        █
    }
}
""",
        note="`UI` has two letters: not an instruction",
    ),
    # --- empty-function --------------------------------------------------------------------
    case.empty_function(
        "empty-function/method",
        "Sources/App/Services/AnalyticsService.swift",
        r"""import Foundation

protocol Analytics {
    func track(_ event: String, properties: [String: Any])
}

final class AnalyticsService: Analytics {
    private var queue: [String] = []

    func track(_ event: String, properties: [String: Any]) {
        █
    }
}
""",
    ),
    case.empty_function(
        "empty-function/button-trailing-closure",
        "Sources/App/Views/EditProfileView.swift",
        r"""import SwiftUI

struct EditProfileView: View {
    @State private var name = ""
    @Environment(\.dismiss) private var dismiss

    var body: some View {
        VStack {
            TextField("Name", text: $name)
            Button("Save") {
                █
            }
        }
        .padding()
    }
}
""",
        note="the Button action is a closure with no statements",
    ),
    case.empty_function(
        "empty-function/nested-func",
        "Sources/App/Utilities/Retry.swift",
        r"""import Foundation

func retry<T>(times: Int, _ body: () async throws -> T) async throws -> T {
    var lastError: Error?
    func backoff(attempt: Int) async {
        █
    }
    for attempt in 0..<times {
        do { return try await body() } catch { lastError = error }
        await backoff(attempt: attempt)
    }
    throw lastError!
}
""",
    ),
    # --- empty-block -----------------------------------------------------------------------
    case.completion(
        "empty-block/guard-else",
        "Sources/App/Services/TokenStore.swift",
        r"""import Foundation

struct TokenStore {
    let keychain: Keychain

    func token() throws -> String {
        guard let data = keychain.read("token") else {
            █
        }
        return String(decoding: data, as: UTF8.self)
    }
}
""",
    ),
    case.empty_function(
        "empty-block/struct-body",
        "Sources/App/Models/Coupon.swift",
        r"""import Foundation

enum Discount {
    case percent(Int)
    case amount(Int)
}

struct Coupon: Codable {
    █
}
""",
        note="team precision 1 (rule 5): an empty struct body is an empty definition; the user wants its members generated",
    ),
    # --- small-file ------------------------------------------------------------------------
    case.small_file(
        "small-file/imports-only",
        "Sources/App/Views/OnboardingView.swift",
        r"""import SwiftUI
import Combine

█
""",
    ),
    case.small_file(
        "small-file/one-empty-struct",
        "Sources/App/Models/Tag.swift",
        r"""// A tag the user attaches to a note.
import Foundation

struct Tag {
    █
}
""",
        note="three code lines: the small-file rule wins before anything about the struct",
    ),
    # --- completion ------------------------------------------------------------------------
    case.completion(
        "completion/after-dot",
        "Sources/App/Views/PostCell.swift",
        r"""import UIKit

final class PostCell: UITableViewCell {
    @IBOutlet private var titleLabel: UILabel!
    @IBOutlet private var dateLabel: UILabel!

    func configure(with post: Post) {
        titleLabel.text = post.title
        dateLabel.text = post.publishedAt.█
    }
}
""",
    ),
    case.completion(
        "completion/argument-list",
        "Sources/App/Services/Downloader.swift",
        r"""import Foundation

struct Downloader {
    let session: URLSession

    func fetch(_ url: URL) async throws -> Data {
        var request = URLRequest(url: url, cachePolicy: █)
        request.httpMethod = "GET"
        let (data, _) = try await session.data(for: request)
        return data
    }
}
""",
    ),
    # --- docstring -------------------------------------------------------------------------
    case.comment(
        "docstring/triple-slash",
        "Sources/App/Utilities/Validators.swift",
        r"""import Foundation

enum Validators {
    static func isEmail(_ s: String) -> Bool {
        s.contains("@") && s.contains(".")
    }

    /// Returns true when the password has at least 12 characters,
    /// one uppercase letter and one digit.
    █
}
""",
        "Returns true when the password has at least 12 characters,\none uppercase letter and one digit.",
    ),
    # --- scope -----------------------------------------------------------------------------
    case.completion(
        "scope/comment-in-closed-func",
        "Sources/App/Utilities/Formatter.swift",
        r"""import Foundation

enum PriceFormatter {
    static func format(_ cents: Int) -> String {
        let value = Double(cents) / 100
        return String(format: "%.2f €", value)
        // use the user's locale instead of a fixed format
    }
█
}
""",
    ),
    case.completion(
        "scope/comment-then-code",
        "Sources/App/Utilities/Formatter.swift",
        r"""import Foundation

enum PriceFormatter {
    static func format(_ cents: Int) -> String {
        // fixed two decimals
        let value = Double(cents) / 100

        █
        return String(format: "%.2f €", value)
    }
}
""",
    ),
    # --- unicode ---------------------------------------------------------------------------
    case.completion(
        "unicode/emoji-before-cursor",
        "Sources/App/Views/WelcomeView.swift",
        r"""import SwiftUI

struct WelcomeView: View {
    let user: User

    var body: some View {
        VStack(spacing: 16) {
            Text("👋 こんにちは, \(user.name█)")
                .font(.title)
        }
    }
}
""",
    ),
    # --- crlf ------------------------------------------------------------------------------
    case.comment(
        "crlf/comment",
        "Sources/App/Models/Cart.swift",
        crlf(
            r"""import Foundation

final class Cart: ObservableObject {
    @Published private(set) var items: [LineItem] = []

    func add(_ item: LineItem) {
        items.append(item)
    }

    // remove the item with the given id and return whether something was removed
    █
}
"""
        ),
        "remove the item with the given id and return whether something was removed",
    ),
    case.empty_function(
        "crlf/empty-function",
        "Sources/App/Models/Cart.swift",
        crlf(
            r"""import Foundation

final class Cart: ObservableObject {
    @Published private(set) var items: [LineItem] = []

    func add(_ item: LineItem) {
        items.append(item)
    }

    func clear() {
        █
    }
}
"""
        ),
    ),
    # --- edge cases --------------------------------------------------------------------------
    case.comment(
        "directive/with-prose",
        "Sources/App/Parsing/FeedParser.swift",
        r"""import Foundation

final class FeedParser {
    private let decoder = JSONDecoder()

    init() {
        decoder.dateDecodingStrategy = .iso8601
    }

    // swiftlint:disable:next function_body_length
    // parse the feed JSON into Post values, skipping entries without a title
    █
}
""",
        "parse the feed JSON into Post values, skipping entries without a title",
        note="the swiftlint directive line is dropped from the block",
    ),
    case.comment(
        "header/then-instruction",
        "Sources/App/Services/Haptics.swift",
        r"""//
//  Haptics.swift
//  Copyright © 2024 Acme Inc. All rights reserved.
//

// a helper that plays a success haptic on the main actor
█
""",
        "a helper that plays a success haptic on the main actor",
        note="the Xcode header block ends at the blank line; a small file, but rule 2 comes first",
    ),
    case.completion(
        "separator/around-instruction",
        "Sources/App/Models/Invoice.swift",
        r"""import Foundation

struct Invoice: Codable {
    let number: String
    let lines: [InvoiceLine]

    // ==========================================================
    // the total of all lines including 19% VAT, rounded to cents
    // ==========================================================
    █
}
""",
        note="team precision 2 (rule 2): the block's last line is a separator (no letter or digit), an empty comment, so no instruction lies directly above the cursor",
    ),
    case.completion(
        "on-comment/small-file",
        "Sources/App/Views/Badge.swift",
        r"""import SwiftUI

/// A small colored badge showing a count█
""",
    ),
    case.empty_function(
        "empty-function/init",
        "Sources/App/Services/SessionStore.swift",
        r"""import Foundation

final class SessionStore {
    private var sessions: [UUID: Session] = [:]
    private let queue = DispatchQueue(label: "sessions")

    init(restoringFrom url: URL) {
        █
    }

    func session(for id: UUID) -> Session? {
        queue.sync { sessions[id] }
    }
}
""",
    ),
    # --- team precisions (docs/intent.md) ------------------------------------------------
    case.empty_function(
        "type-body/empty-protocol",
        "Sources/Cache.swift",
        """\
import Foundation

let defaultTTL: TimeInterval = 60
let maxEntries = 1_000

protocol Cache {
    █
}
""",
        note="team precision 1 (rule 5): an empty protocol body is an empty definition",
    ),
    case.completion(
        "type-body/enum",
        "Sources/Direction.swift",
        """\
import Foundation

let defaultTTL: TimeInterval = 60
let maxEntries = 1_000

enum Direction {
    █
}
""",
        note="an enum is not a definition whose members are generated: team precision 1 leaves it completion",
    ),
]
