import Foundation
import Model

/// The providers a scan may use, in the order they are offered each input file, and the model
/// they make together. A value: the executable builds it (one line per provider) and passes it
/// down; nothing holds a global list of providers.
public struct ProviderRegistry: Sendable {
    public let providers: [any CloudProvider]
    /// The neutral model with every provider's extension registered.
    public let model: ModelCatalog

    /// - Throws: `CatalogError` when two providers share an id or declare a kind or section twice.
    public init(_ providers: [any CloudProvider]) throws(CatalogError) {
        self.providers = providers
        var model = ModelCatalog.neutral
        for provider in providers { model = try model.adding(provider.model) }
        self.model = model
    }

    public func provider(_ id: ProviderID) -> (any CloudProvider)? { providers.first { $0.id == id } }

    /// `AWS`, or `AWS, GCP or Azure`: what an input holds none of, in messages.
    public var names: String {
        let names = providers.map(\.model.profile.displayName)
        guard names.count > 1 else { return names.first ?? "cloud" }
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }

    /// Reads one input: every file is offered to each provider's reader in turn, and what each
    /// provider took is normalized. The raw snapshots live only inside this call, so their
    /// bytes are freed before evaluation starts.
    public func read(_ path: String, loader: InputLoader = InputLoader()) -> InputRead {
        let (files, listingProblems) = loader.files(path)
        var sessions = providers.map { ReaderSession($0, root: path) }
        var unclaimedProblems: [InputProblem] = []
        var ignored: [String] = []
        for file in files {
            guard !sessions.indices.contains(where: { sessions[$0].take(file) }) else { continue }
            switch file.content {
            case let .failure(problem): unclaimedProblems.append(problem)
            case .success: ignored.append("\(file.path): not a recognised \(names) export")
            }
        }
        var read = InputRead(path: path)
        let order = FileOrder(files.map(\.path))
        var providerErrors: [CollectionError] = []
        var providerIgnored: [String] = []
        var reasons: [String] = []
        for session in sessions where session.tookFiles {
            let result = session.finish()
            reasons += result.emptyReasons
            guard !result.isEmpty else { continue }
            read.providers.append(session.id)
            read.collected = read.collected ?? result.collected
            providerErrors += result.inventory.collectionErrors
            providerIgnored += result.inventory.ignoredFiles
            var inventory = result.inventory
            inventory.collectionErrors = []
            inventory.ignoredFiles = []
            read.inventory.merge(inventory)
        }
        let unclaimed = (listingProblems + unclaimedProblems).map { CollectionError(source: $0.source, message: $0.message) }
        read.inventory.collectionErrors = listingProblems.map { CollectionError(source: $0.source, message: $0.message) }
            + order.sorted(unclaimedProblems.map { CollectionError(source: $0.source, message: $0.message) } + providerErrors, by: \.source)
        read.inventory.ignoredFiles = order.sorted(ignored + providerIgnored, by: { $0 })
        if read.providers.isEmpty {
            read.emptyReasons = unclaimed.map(\.description) + reasons + ignored
        }
        return read
    }
}

/// What one input held, normalized: the providers that read something, their inventory
/// (merged), and the problems of files no provider could use.
public struct InputRead: Sendable {
    public let path: String
    /// The providers that read something from the input, in registry order.
    public var providers: [ProviderID] = []
    public var inventory = Inventory()
    /// The earliest collection time a provider's manifest gives.
    public var collected: Date?
    /// When no provider read anything: why, one line each.
    public var emptyReasons: [String] = []

    public var isEmpty: Bool { providers.isEmpty }

    init(path: String) { self.path = path }
}

/// One provider's reader while an input is read, with its type erased.
private struct ReaderSession {
    let id: ProviderID
    private var box: any SessionBox
    private(set) var tookFiles = false

    init(_ provider: any CloudProvider, root: String) {
        id = provider.id
        box = Self.open(provider, root: root)
    }

    private static func open<P: CloudProvider>(_ provider: P, root: String) -> any SessionBox {
        TypedSession(provider: provider, reader: provider.makeReader(root: root))
    }

    mutating func take(_ file: InputFile) -> Bool {
        let taken = box.take(file)
        if taken { tookFiles = true }
        return taken
    }

    func finish() -> (inventory: Inventory, isEmpty: Bool, emptyReasons: [String], collected: Date?) { box.finish() }
}

private protocol SessionBox {
    mutating func take(_ file: InputFile) -> Bool
    func finish() -> (inventory: Inventory, isEmpty: Bool, emptyReasons: [String], collected: Date?)
}

private struct TypedSession<P: CloudProvider>: SessionBox {
    let provider: P
    var reader: P.Reader

    mutating func take(_ file: InputFile) -> Bool { reader.take(file) }

    func finish() -> (inventory: Inventory, isEmpty: Bool, emptyReasons: [String], collected: Date?) {
        let snapshot = reader.finish()
        if snapshot.isEmpty { return (Inventory(), true, snapshot.emptyReasons, snapshot.collected) }
        return (provider.normalize(snapshot), false, [], snapshot.collected)
    }
}

/// Orders lines that start with a file's path (problems, ignored files) by that file's place
/// in the input, keeping the order of lines about one file: what several readers said then
/// reads file by file, as one reader's would.
struct FileOrder {
    private let places: [String: Int]

    init(_ paths: [String]) {
        places = Dictionary(paths.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    func sorted<T>(_ items: [T], by text: (T) -> String) -> [T] {
        let ranked = items.enumerated().map { (rank(text($0.element)), $0.offset, $0.element) }
        return ranked.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
    }

    /// The place of the longest path `line` starts with (lines name their file first, then
    /// `:`, `#` or a space); lines about no file come first.
    private func rank(_ line: String) -> Int {
        var best = -1
        for index in line.indices where line[index] == ":" || line[index] == "#" || line[index] == " " {
            if let place = places[String(line[..<index])] { best = place }
        }
        return best
    }
}
