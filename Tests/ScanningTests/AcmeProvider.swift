import CEL
import Foundation
import Model
import ProviderKit

// A small provider of the test suite's own, plugged in through the registry exactly as a real
// one is: its own data set, a kind of its own (`sensor`), a section on a neutral kind
// (`account.acme`), a reader, a normalizer. Nothing of ProviderAWS, Scanning or the executable
// knows it. Its records are written by hand here: the model's generator serves Sources/Model.

extension ProviderID {
    static let acme: ProviderID = "acme"
}

/// An Acme factory sensor: the kind Acme adds.
struct Sensor: Resource {
    static let kind: ResourceKind = "sensor"
    var id: String
    var name: String
    var provider: ProviderID = .acme
    var account: String
    var region: String?
    var source: ResourceSource
    var firmware: String
    var defaultPassword: Bool
    var tags: [String: String] = [:]
    var collected: [String] = []
    var sections = ResourceSections()

    static let schema = ObjectSchema("sensor", [
        FieldSchema("id", .string, "sensor id"), FieldSchema("name", .string, "name"), FieldSchema("provider", .string, "the cloud"),
        FieldSchema("account", .string, "tenant"), FieldSchema("region", .string, optional: true, "site"),
        FieldSchema("source", .object(ResourceSource.self), "where the data came from"),
        FieldSchema("firmware", .string, "firmware version"), FieldSchema("defaultPassword", .bool, "still uses the factory password"),
        FieldSchema("tags", .map(.string), "tags"), FieldSchema("collected", .list(.string), "settings the input held"),
    ])

    func celValue(_ conversion: inout CELConversion) -> CELValue {
        var fields: [String: CELValue] = [
            "id": .string(id), "name": .string(name), "provider": .string(provider.rawValue), "account": .string(account),
            "source": source.celValue(&conversion), "firmware": .string(firmware), "defaultPassword": .bool(defaultPassword),
            "tags": CELConversion.map(tags) { .string($0) }, "collected": CELConversion.strings(collected),
        ]
        if let region { fields["region"] = .string(region) }
        return .map(CELMap(fields))
    }
}

/// What Acme knows about a tenant account: whether single sign-on is enforced.
struct AcmeAccount: ResourceSection {
    static let kind = ResourceKind.account
    static let provider = ProviderID.acme
    var ssoEnforced: Bool?

    init() {}
    init(ssoEnforced: Bool?) { self.ssoEnforced = ssoEnforced }

    static let schema = ObjectSchema("acmeAccount", [FieldSchema("ssoEnforced", .bool, optional: true, "single sign-on enforced")])

    func celValue(_: inout CELConversion) -> CELValue {
        .map(CELMap(ssoEnforced.map { ["ssoEnforced": .bool($0)] } ?? [:]))
    }
}

/// The raw export: `{"acme": {"tenant": …, "sso": …, "sensors": [...]}}`.
struct AcmeExport: Decodable, Sendable {
    struct Body: Decodable, Sendable {
        var tenant: String
        var sso: Bool?
        var sensors: [RawSensor]?
    }

    struct RawSensor: Decodable, Sendable {
        var id: String
        var firmware: String
        var defaultPassword: Bool
    }

    var acme: Body
}

struct AcmeSnapshot: ProviderSnapshot {
    var exports: [(path: String, export: AcmeExport)] = []
    var problems: [String] = []
    var isEmpty: Bool { exports.isEmpty }
    var emptyReasons: [String] { problems }
    var collected: Date? { nil }
}

/// Takes a file whose JSON has a top-level `acme` object.
struct AcmeReader: SnapshotReading {
    private var snapshot = AcmeSnapshot()

    mutating func take(_ file: InputFile) -> Bool {
        guard case let .success(data) = file.content, let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["acme"] != nil else { return false }
        do {
            snapshot.exports.append((file.path, try JSONDecoder().decode(AcmeExport.self, from: data)))
        } catch {
            snapshot.problems.append("\(file.path): \(error)")
        }
        return true
    }

    func finish() -> AcmeSnapshot { snapshot }
}

struct AcmeProvider: CloudProvider {
    var id: ProviderID { .acme }

    var model: ModelExtension {
        ModelExtension(provider: .acme, profile: ProviderProfile(displayName: "Acme", accountType: "Acme Tenant"),
                       dataSets: ["sensors", "tenant"], sections: [SectionDescriptor(AcmeAccount.self)], kinds: [KindDescriptor(Sensor.self)])
    }

    var apiActions: [String] { [] }

    func makeReader(root _: String) -> AcmeReader { AcmeReader() }

    func normalize(_ snapshot: AcmeSnapshot) -> Inventory {
        var inventory = Inventory()
        for (path, export) in snapshot.exports {
            let body = export.acme
            let source = ResourceSource(kind: .file, location: path)
            var coverage = ["tenant"]
            if body.sensors != nil { coverage.append("sensors") }
            inventory.accounts.append(Account(
                id: "acme:tenant/\(body.tenant)", name: body.tenant, provider: .acme, account: body.tenant, source: source, coverage: coverage,
                sections: AcmeAccount(ssoEnforced: body.sso).asSections))
            inventory[Sensor.self] += (body.sensors ?? []).map { raw in
                Sensor(id: "acme:sensor/\(raw.id)", name: raw.id, account: body.tenant, source: source, firmware: raw.firmware,
                       defaultPassword: raw.defaultPassword)
            }
        }
        return inventory
    }

    func bundle(_: AcmeSnapshot, tool _: String) -> [BundleFile] { [] }
}
