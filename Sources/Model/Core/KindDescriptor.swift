import CEL

/// Generic work over one resource kind, handed the kind's concrete type: how layers that only
/// know the kind list (the evaluator, reports, relabelling) reach `[Bucket]` without a switch.
public protocol KindVisitor {
    associatedtype Result
    func visit<R: Resource>(_ type: R.Type) -> Result
}

/// One entry of the kind list: a resource kind, its record type and its core schema.
public struct KindDescriptor: Sendable {
    public let kind: ResourceKind
    /// The kind's own fields (the catalogue adds the sections of the registered providers).
    public let coreSchema: ObjectSchema
    private let box: any KindBox

    public init<R: Resource>(_: R.Type) {
        kind = R.kind
        coreSchema = R.schema
        box = Box<R>()
    }

    /// Runs `visitor` with the kind's concrete type.
    public func accept<V: KindVisitor>(_ visitor: V) -> V.Result { box.accept(visitor) }
}

/// Keeps a kind's type so that a visitor can be run with it.
private protocol KindBox: Sendable {
    func accept<V: KindVisitor>(_ visitor: V) -> V.Result
}

private struct Box<R: Resource>: KindBox {
    func accept<V: KindVisitor>(_ visitor: V) -> V.Result { visitor.visit(R.self) }
}

/// A provider section type as the catalogue registers it.
public struct SectionDescriptor: Sendable {
    public let kind: ResourceKind
    public let provider: ProviderID
    public let schema: ObjectSchema

    public init<S: ResourceSection>(_: S.Type) {
        kind = S.kind
        provider = S.provider
        schema = S.schema
    }
}

/// What one provider adds to the model: its data sets, the sections it puts on the neutral
/// kinds, kinds of its own, and the per-resource settings its resources record as `collected`.
public struct ModelExtension: Sendable {
    public let provider: ProviderID
    /// How reports name the provider and its accounts.
    public var profile: ProviderProfile
    public var dataSets: [DataSet]
    public var sections: [SectionDescriptor]
    public var kinds: [KindDescriptor]
    /// Setting names per kind (`bucket`: `policy`, `acl`, …), for `requires: [bucket.policy]`.
    public var settings: [ResourceKind: [String]]
    /// Functions the provider's policies may call (AWS: `iam.*`, `arn.*`).
    public var functions: [FunctionDecl]

    public init(provider: ProviderID, profile: ProviderProfile, dataSets: [DataSet] = [], sections: [SectionDescriptor] = [],
                kinds: [KindDescriptor] = [], settings: [ResourceKind: [String]] = [:], functions: [FunctionDecl] = []) {
        self.provider = provider
        self.profile = profile
        self.dataSets = dataSets
        self.sections = sections
        self.kinds = kinds
        self.settings = settings
        self.functions = functions
    }
}

/// How reports name a provider and its accounts.
public struct ProviderProfile: Sendable, Hashable {
    /// `AWS`, `Google Cloud`.
    public var displayName: String
    /// What an account is called (`AWS Account`, `GCP Project`), as OCSF names account types.
    public var accountType: String
    /// OCSF's `account.type_id` for it (10 AWS Account, 11 GCP Project, 13 Azure Subscription, 99 Other).
    public var ocsfAccountTypeID: Int

    public init(displayName: String, accountType: String, ocsfAccountTypeID: Int = 99) {
        self.displayName = displayName
        self.accountType = accountType
        self.ocsfAccountTypeID = ocsfAccountTypeID
    }
}
