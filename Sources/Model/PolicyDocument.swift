/// An access policy document (IAM identity policy, trust policy, bucket policy), normalized once:
/// single strings become lists, every `Principal` form becomes one list of principals,
/// `NotAction`/`NotResource`/`NotPrincipal` and `Condition` are kept.
public struct PolicyDocument: Codable, Sendable, Hashable, SchemaDescribing {
    public var version: String?
    public var statements: [Statement]

    public init(version: String? = nil, statements: [Statement]) {
        self.version = version
        self.statements = statements
    }

    public static let schema = ObjectSchema("policyDocument", [
        FieldSchema("version", .string, optional: true, "the policy language version, e.g. 2012-10-17"),
        FieldSchema("statements", .list(.object(Statement.self)), "the statements, always a list"),
    ])
}

public enum Effect: String, Codable, Sendable, Hashable {
    case allow = "Allow"
    case deny = "Deny"
}

/// One statement. Lists are empty when the element is absent; `notActions` non-empty means
/// the statement used `NotAction` (it applies to every action except those).
public struct Statement: Codable, Sendable, Hashable, SchemaDescribing {
    public var sid: String?
    public var effect: Effect
    public var actions: [String]
    public var notActions: [String]
    public var resources: [String]
    public var notResources: [String]
    public var principals: [Principal]
    public var notPrincipals: [Principal]
    public var conditions: [Condition]

    public init(
        sid: String? = nil, effect: Effect, actions: [String] = [], notActions: [String] = [],
        resources: [String] = [], notResources: [String] = [], principals: [Principal] = [],
        notPrincipals: [Principal] = [], conditions: [Condition] = []
    ) {
        self.sid = sid
        self.effect = effect
        self.actions = actions
        self.notActions = notActions
        self.resources = resources
        self.notResources = notResources
        self.principals = principals
        self.notPrincipals = notPrincipals
        self.conditions = conditions
    }

    public static let schema = ObjectSchema("statement", [
        FieldSchema("sid", .string, optional: true, "statement id"),
        FieldSchema("effect", .enumeration(["Allow", "Deny"]), "Allow or Deny"),
        FieldSchema("actions", .list(.string), "Action patterns, e.g. s3:Get*; empty with NotAction"),
        FieldSchema("notActions", .list(.string), "NotAction patterns"),
        FieldSchema("resources", .list(.string), "Resource patterns"),
        FieldSchema("notResources", .list(.string), "NotResource patterns"),
        FieldSchema("principals", .list(.object(Principal.self)), "Principal, one entry per principal"),
        FieldSchema("notPrincipals", .list(.object(Principal.self)), "NotPrincipal entries"),
        FieldSchema("conditions", .list(.object(Condition.self)), "Condition, one entry per operator and key"),
    ])
}

/// One principal: `"*"` becomes `{type: "AWS", id: "*"}`, as AWS reads it.
public struct Principal: Codable, Sendable, Hashable, SchemaDescribing {
    /// `AWS`, `Service`, `Federated` or `CanonicalUser` (or a provider's own kind).
    public var type: String
    public var id: String

    public init(type: String, id: String) {
        self.type = type
        self.id = id
    }

    public static let schema = ObjectSchema("principal", [
        FieldSchema("type", .string, "AWS, Service, Federated or CanonicalUser"),
        FieldSchema("id", .string, "account, ARN, service name, or * for everyone"),
    ])
}

/// One condition test: `{"StringEquals": {"aws:SourceVpce": ["vpce-1"]}}` → operator, key, values.
public struct Condition: Codable, Sendable, Hashable, SchemaDescribing {
    public var `operator`: String
    public var key: String
    public var values: [String]

    public init(operator: String, key: String, values: [String]) {
        self.operator = `operator`
        self.key = key
        self.values = values
    }

    public static let schema = ObjectSchema("condition", [
        FieldSchema("operator", .string, "condition operator, e.g. StringEquals, Bool, IpAddress"),
        FieldSchema("key", .string, "condition key, e.g. aws:SecureTransport"),
        FieldSchema("values", .list(.string), "the values, as strings"),
    ])
}
