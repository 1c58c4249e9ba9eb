import Foundation
import Model

/// Deterministic large inventories for benchmarks: realistic shapes, varied enough that
/// policies take both branches (some keys old, some buckets public, some users without MFA).
public enum SyntheticInventory {
    /// `count` resources: 40% identities, 45% buckets, 14% trails, the rest accounts (at least one).
    public static func make(count: Int, seed: UInt64 = 42) -> Inventory {
        var random = SplitMix(seed: seed)
        let accounts = max(1, count / 100)
        let identities = count * 40 / 100
        let buckets = count * 45 / 100
        let trails = max(0, count - accounts - identities - buckets)
        let now = Date(timeIntervalSince1970: 1_767_225_600)
        return Inventory(
            accounts: (0..<accounts).map { account($0, random: &random) },
            identities: (0..<identities).map { identity($0, now: now, random: &random) },
            buckets: (0..<buckets).map { bucket($0, random: &random) },
            trails: (0..<trails).map { trail($0, random: &random) })
    }

    static func accountID(_ index: Int) -> String { String(format: "%012d", 100_000_000_000 + index % 100) }

    static func account(_ index: Int, random: inout SplitMix) -> Account {
        // Drawn in this order so that a seed gives the same accounts as it always has.
        let rootMFA: MFAStatus = random.chance(0.8) ? .enabled : .disabled
        let hardware = random.chance(0.3), rootKeys = random.chance(0.1) ? 1 : 0
        let passwordPolicy = random.chance(0.7) ? PasswordPolicy(minimumLength: random.chance(0.5) ? 14 : 8, reusePrevention: 24) : nil
        return Account(
            id: "arn:aws:iam::\(accountID(index)):root", name: accountID(index), provider: .aws, account: accountID(index),
            source: ResourceSource(kind: .file, location: "synthetic"), rootMFA: rootMFA, passwordPolicy: passwordPolicy,
            regions: ["us-east-1", "us-west-2", "eu-west-1"], coverage: ModelExtension.aws.dataSets.map(\.rawValue),
            sections: AWSAccount(rootHardwareMFA: hardware, rootAccessKeys: rootKeys,
                                 accessAnalyzers: [AccessAnalyzer(region: "us-east-1", name: "a", status: "ACTIVE", type: "ACCOUNT")]).asSections)
    }

    static func identity(_ index: Int, now: Date, random: inout SplitMix) -> Identity {
        let kind: Identity.Kind = index % 4 == 0 ? .role : (index % 9 == 0 ? .group : .user)
        let name = "\(kind.rawValue)-\(index)"
        let daysAgo = { (random: inout SplitMix) in now.addingTimeInterval(-Double(random.next(upTo: 400)) * 86_400) }
        let keys = kind == .user ? (0..<random.next(upTo: 3)).map { key in
            AccessKey(id: "AKIA\(index)K\(key)", active: random.chance(0.8), created: daysAgo(&random), lastUsed: random.chance(0.7) ? daysAgo(&random) : nil)
        } : []
        let id = "arn:aws:iam::\(accountID(index)):\(kind.rawValue)/\(name)"
        let created = daysAgo(&random)
        let console = kind == .user ? random.chance(0.5) : nil
        let mfa: MFAStatus = kind == .user ? (random.chance(0.6) ? .enabled : .disabled) : .unknown
        let policies = (0..<(1 + random.next(upTo: 3))).map { policy($0, index: index, random: &random) }
        let trust = kind == .role ? trust(random: &random) : nil
        return Identity(
            id: id, name: name, provider: .aws, account: accountID(index),
            source: ResourceSource(kind: .file, location: "synthetic"), kind: kind, created: created,
            consoleAccess: console, mfa: mfa, accessKeys: keys, grants: grants(of: id, policies),
            groups: kind == .user ? ["developers"] : [], lastActivity: random.chance(0.8) ? daysAgo(&random) : nil,
            sections: AWSIdentity(policies: policies, trust: trust).asSections)
    }

    /// The grants a normalizer derives: one per Allow statement.
    static func grants(of id: String, _ policies: [AttachedPolicy]) -> [AccessGrant] {
        policies.flatMap { policy in
            policy.document.statements.filter { $0.effect == .allow }.map { statement in
                AccessGrant(principal: id, actions: statement.actions, notActions: statement.notActions, scope: statement.resources,
                            notScope: statement.notResources, condition: nil, via: policy.name)
            }
        }
    }

    static let actionPool = [
        "s3:GetObject", "s3:PutObject", "s3:*", "ec2:Describe*", "iam:PassRole", "lambda:CreateFunction",
        "lambda:InvokeFunction", "iam:CreatePolicyVersion", "logs:*", "kms:Decrypt", "dynamodb:Query", "sts:AssumeRole",
    ]

    static func policy(_ number: Int, index: Int, random: inout SplitMix) -> AttachedPolicy {
        let admin = random.chance(0.02)
        let statements = (0..<(1 + random.next(upTo: 4))).map { _ in
            Statement(effect: random.chance(0.9) ? .allow : .deny,
                      actions: admin ? ["*"] : (0..<(1 + random.next(upTo: 4))).map { _ in actionPool[random.next(upTo: actionPool.count)] },
                      resources: random.chance(0.5) ? ["*"] : ["arn:aws:s3:::bucket-\(random.next(upTo: 1000))/*"])
        }
        return AttachedPolicy(name: "policy-\(index)-\(number)", managedBy: random.chance(0.3) ? .inline : .customer,
                              viaGroup: random.chance(0.5) ? "developers" : nil, document: PolicyDocument(version: "2012-10-17", statements: statements))
    }

    static func trust(random: inout SplitMix) -> PolicyDocument {
        let principal = random.chance(0.05) ? Principal(type: "AWS", id: "*") : Principal(type: "Service", id: "lambda.amazonaws.com")
        return PolicyDocument(statements: [Statement(effect: .allow, actions: ["sts:AssumeRole"], principals: [principal])])
    }

    static func bucket(_ index: Int, random: inout SplitMix) -> Bucket {
        let encrypted = random.chance(0.8)
        let block = random.chance(0.7)
        let encryption = BucketEncryption(enabled: encrypted, algorithm: encrypted ? (random.chance(0.5) ? "aws:kms" : "AES256") : nil)
        let publicAccessBlock = block ? PublicAccessBlockSettings(blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true) : nil
        let policy = random.chance(0.3) ? PolicyDocument(statements: [Statement(effect: .deny, actions: ["s3:*"], resources: ["*"],
            principals: [Principal(type: "AWS", id: "*")], conditions: [Condition(operator: "Bool", key: "aws:SecureTransport", values: ["false"])])]) : nil
        let logging = BucketLogging(enabled: random.chance(0.4))
        let versioning = BucketVersioning(status: random.chance(0.5) ? .enabled : .disabled)
        return Bucket(
            id: "arn:aws:s3:::bucket-\(index)", name: "bucket-\(index)", provider: .aws, account: accountID(index), region: "us-east-1",
            source: ResourceSource(kind: .file, location: "synthetic"), encryption: encryption, logging: logging, versioning: versioning,
            public: !block && random.chance(0.1), collected: AWSBucket.settings,
            sections: AWSBucket(publicAccessBlock: publicAccessBlock, policy: policy, mfaDelete: false).asSections)
    }

    static func trail(_ index: Int, random: inout SplitMix) -> Trail {
        let allRegions = random.chance(0.7), enabled = random.chance(0.9), integrity = random.chance(0.6)
        let key = random.chance(0.5) ? "arn:aws:kms:us-east-1:1:key/k" : nil
        let events = TrailEvents(managementRead: true, managementWrite: true, dataRead: random.chance(0.3), dataWrite: random.chance(0.3))
        return Trail(id: "arn:aws:cloudtrail:us-east-1:\(accountID(index)):trail/t\(index)", name: "t\(index)", provider: .aws, account: accountID(index),
                     region: "us-east-1", source: ResourceSource(kind: .file, location: "synthetic"), enabled: enabled, allRegions: allRegions,
                     integrity: integrity, encryptionKey: key, events: events, sections: AWSTrail().asSections)
    }
}

/// A small, fast, deterministic generator (SplitMix64), so benchmarks see the same data each run.
public struct SplitMix {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func next(upTo bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }

    public mutating func chance(_ probability: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < probability }
}
