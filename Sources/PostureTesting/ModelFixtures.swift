import Foundation
import Model

/// Model values for tests: one resource of each kind with every optional field set, so that
/// a test can compare the encoded form with the schema.
public enum ModelFixtures {
    public static let date = Date(timeIntervalSince1970: 1_700_000_000)

    public static func source(_ location: String = "fixture.json") -> ResourceSource {
        ResourceSource(kind: .file, location: location, line: 1)
    }

    public static let adminDocument = PolicyDocument(version: "2012-10-17", statements: [
        Statement(sid: "Admin", effect: .allow, actions: ["*"], notActions: ["iam:Delete*"], resources: ["*"],
                  notResources: ["arn:aws:s3:::x"], principals: [Principal(type: "AWS", id: "*")],
                  notPrincipals: [Principal(type: "Service", id: "ec2.amazonaws.com")],
                  conditions: [Condition(operator: "Bool", key: "aws:SecureTransport", values: ["false"])]),
    ])

    public static let identity = Identity(
        id: "arn:aws:iam::123456789012:user/alice", name: "alice", provider: .aws, account: "123456789012",
        region: "us-east-1", source: source(), kind: .user, path: "/", created: date, consoleAccess: true,
        lastConsoleLogin: date, mfa: .disabled, mfaDevices: [MFADevice(serial: "arn:aws:iam::123456789012:mfa/alice", kind: .virtual, enabled: date)],
        accessKeys: [AccessKey(id: "AKIAEXAMPLE", active: true, created: date, lastUsed: date, lastUsedService: "s3")],
        policies: [AttachedPolicy(name: "Admin", arn: "arn:aws:iam::aws:policy/AdministratorAccess", managedBy: .provider, viaGroup: "admins", document: adminDocument)],
        trust: adminDocument, groups: ["admins"], lastActivity: date, tags: ["team": "platform"])

    public static let bucket = Bucket(
        id: "arn:aws:s3:::logs", name: "logs", provider: .aws, account: "123456789012", region: "eu-west-1",
        source: source(), created: date,
        encryption: BucketEncryption(enabled: true, algorithm: "aws:kms", key: "arn:aws:kms:eu-west-1:123456789012:key/1", bucketKeyEnabled: true),
        publicAccessBlock: PublicAccessBlockSettings(blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true),
        accountPublicAccessBlock: PublicAccessBlockSettings(blockPublicAcls: true, ignorePublicAcls: false, blockPublicPolicy: true, restrictPublicBuckets: false),
        policy: adminDocument, acl: [Grant(granteeType: "Group", grantee: "http://acs.amazonaws.com/groups/global/AllUsers", permission: "READ")],
        logging: BucketLogging(enabled: true, targetBucket: "audit", targetPrefix: "logs/"),
        versioning: BucketVersioning(status: .enabled, mfaDelete: false), public: true, publicReasons: ["ACL grants READ to AllUsers"],
        tags: ["env": "prod"], collected: Bucket.settings)

    public static let trail = Trail(
        id: "arn:aws:cloudtrail:us-east-1:123456789012:trail/main", name: "main", provider: .aws, account: "123456789012",
        region: "us-east-1", source: source(), multiRegion: true, organization: false, logging: true, logFileValidation: true,
        kmsKey: "arn:aws:kms:us-east-1:123456789012:key/2", cloudWatchLogsGroup: "arn:aws:logs:us-east-1:123456789012:log-group:ct",
        bucket: "audit", events: TrailEvents(managementRead: true, managementWrite: true, s3DataRead: false, s3DataWrite: true),
        bucketAccessLogging: true)

    public static let key = EncryptionKey(
        id: "arn:aws:kms:us-east-1:123456789012:key/1", name: "1", provider: .aws, account: "123456789012", region: "us-east-1",
        source: source(), manager: "customer", state: "Enabled", spec: "SYMMETRIC_DEFAULT", rotationEnabled: false, created: date)

    public static let account = Account(
        id: "arn:aws:iam::123456789012:root", name: "123456789012", provider: .aws, account: "123456789012", region: "us-east-1",
        source: source(), rootMFA: .enabled, rootHardwareMFA: false, rootAccessKeys: 0, rootLastUsed: date,
        passwordPolicy: PasswordPolicy(minimumLength: 14, requireUppercase: true, requireLowercase: true, requireNumbers: true,
                                       requireSymbols: true, maxAgeDays: 90, reusePrevention: 24, allowUsersToChange: true, hardExpiry: false),
        publicAccessBlock: PublicAccessBlockSettings(blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true),
        regions: ["us-east-1", "eu-west-1"],
        configRecorders: [ConfigRecorder(region: "us-east-1", name: "default", recording: true, allSupported: true, includeGlobalResources: true)],
        accessAnalyzers: [AccessAnalyzer(region: "us-east-1", name: "account", status: "ACTIVE", type: "ACCOUNT")],
        rootPasswordEnabled: true, serverCertificates: [ServerCertificate(name: "web", arn: "arn:aws:iam::123456789012:server-certificate/web", expiration: date)],
        supportAccess: ["arn:aws:iam::123456789012:role/support"], multiRegionTrails: ["main"],
        coverage: DataSet.allCases.map(\.rawValue))
}
