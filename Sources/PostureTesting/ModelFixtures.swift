import Foundation
import Model

/// Model values for tests: one resource of each kind with every optional field set (its AWS
/// section too), so that a test can compare the encoded form with the schema.
public enum ModelFixtures {
    public static let date = Date(timeIntervalSince1970: 1_700_000_000)

    /// The model with AWS registered, as the scanner builds it.
    public static let model: ModelCatalog = {
        do { return try ModelCatalog.neutral.adding(.aws) } catch { fatalError("the AWS model extension does not register: \(error)") }
    }()

    public static func source(_ location: String = "fixture.json") -> ResourceSource {
        ResourceSource(kind: .file, location: location, line: 1)
    }

    public static let adminDocument = PolicyDocument(version: "2012-10-17", statements: [
        Statement(sid: "Admin", effect: .allow, actions: ["*"], notActions: ["iam:Delete*"], resources: ["*"],
                  notResources: ["arn:aws:s3:::x"], principals: [Principal(type: "AWS", id: "*")],
                  notPrincipals: [Principal(type: "Service", id: "ec2.amazonaws.com")],
                  conditions: [Condition(operator: "Bool", key: "aws:SecureTransport", values: ["false"])]),
    ])

    public static let grant = AccessGrant(principal: "arn:aws:iam::123456789012:user/alice", actions: ["*"], notActions: ["iam:Delete*"],
                                          scope: ["*"], notScope: ["arn:aws:s3:::x"], condition: "Bool aws:SecureTransport=false", via: "Admin")

    public static let identity = Identity(
        id: "arn:aws:iam::123456789012:user/alice", name: "alice", provider: .aws, account: "123456789012",
        region: "us-east-1", source: source(), kind: .user, created: date, consoleAccess: true,
        lastConsoleLogin: date, mfa: .disabled, mfaDevices: [MFADevice(serial: "arn:aws:iam::123456789012:mfa/alice", kind: .virtual, enabled: date)],
        accessKeys: [AccessKey(id: "AKIAEXAMPLE", active: true, created: date, lastUsed: date, lastUsedService: "s3")],
        grants: [grant], groups: ["admins"], lastActivity: date, tags: ["team": "platform"], collected: ["policies"],
        sections: AWSIdentity(
            path: "/", policies: [AttachedPolicy(name: "Admin", arn: "arn:aws:iam::aws:policy/AdministratorAccess", managedBy: .provider,
                                                  viaGroup: "admins", document: adminDocument)],
            trust: adminDocument).asSections)

    public static let block = PublicAccessBlockSettings(blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true)

    public static let bucket = Bucket(
        id: "arn:aws:s3:::logs", name: "logs", provider: .aws, account: "123456789012", region: "eu-west-1",
        source: source(), created: date,
        encryption: BucketEncryption(enabled: true, algorithm: "aws:kms", key: "arn:aws:kms:eu-west-1:123456789012:key/1", keyManager: .customer),
        logging: BucketLogging(enabled: true, targetBucket: "audit", targetPrefix: "logs/"),
        versioning: BucketVersioning(status: .enabled), public: true, publicReasons: ["ACL grants READ to AllUsers"], grants: [grant],
        tags: ["env": "prod"], collected: AWSBucket.settings,
        sections: AWSBucket(
            publicAccessBlock: block,
            accountPublicAccessBlock: PublicAccessBlockSettings(blockPublicAcls: true, ignorePublicAcls: false, blockPublicPolicy: true, restrictPublicBuckets: false),
            policy: adminDocument, acl: [ACLGrant(granteeType: "Group", grantee: "http://acs.amazonaws.com/groups/global/AllUsers", permission: "READ")],
            bucketKeyEnabled: true, mfaDelete: false).asSections)

    public static let trail = Trail(
        id: "arn:aws:cloudtrail:us-east-1:123456789012:trail/main", name: "main", provider: .aws, account: "123456789012",
        region: "us-east-1", source: source(), enabled: true, allRegions: true, organization: false, integrity: true,
        encryptionKey: "arn:aws:kms:us-east-1:123456789012:key/2", bucket: "audit",
        events: TrailEvents(managementRead: true, managementWrite: true, dataRead: false, dataWrite: true),
        bucketAccessLogging: true, tags: ["team": "security"], collected: ["status"],
        sections: AWSTrail(cloudWatchLogsGroup: "arn:aws:logs:us-east-1:123456789012:log-group:ct").asSections)

    public static let key = EncryptionKey(
        id: "arn:aws:kms:us-east-1:123456789012:key/1", name: "1", provider: .aws, account: "123456789012", region: "us-east-1",
        source: source(), manager: .customer, state: "Enabled", spec: "SYMMETRIC_DEFAULT", rotationEnabled: false, created: date,
        tags: ["team": "security"], collected: ["rotation"])

    public static let account = Account(
        id: "arn:aws:iam::123456789012:root", name: "123456789012", provider: .aws, account: "123456789012", region: "us-east-1",
        source: source(), rootMFA: .enabled,
        passwordPolicy: PasswordPolicy(minimumLength: 14, requireUppercase: true, requireLowercase: true, requireNumbers: true,
                                       requireSymbols: true, maxAgeDays: 90, reusePrevention: 24, allowUsersToChange: true, hardExpiry: false),
        regions: ["us-east-1", "eu-west-1"], multiRegionTrails: ["main"], coverage: ModelExtension.aws.dataSets.map(\.rawValue),
        tags: ["team": "platform"], collected: ["passwordPolicy"],
        sections: AWSAccount(
            rootHardwareMFA: false, rootAccessKeys: 0, rootLastUsed: date, rootPasswordEnabled: true, publicAccessBlock: block,
            configRecorders: [ConfigRecorder(region: "us-east-1", name: "default", recording: true, allSupported: true, includeGlobalResources: true)],
            accessAnalyzers: [AccessAnalyzer(region: "us-east-1", name: "account", status: "ACTIVE", type: "ACCOUNT")],
            serverCertificates: [ServerCertificate(name: "web", arn: "arn:aws:iam::123456789012:server-certificate/web", expiration: date)],
            supportAccess: ["arn:aws:iam::123456789012:role/support"]).asSections)

    /// One fully populated resource of each neutral kind, by kind.
    public static let resources: [ResourceKind: any Resource] = [
        .account: account, .identity: identity, .bucket: bucket, .trail: trail, .key: key,
    ]
}
