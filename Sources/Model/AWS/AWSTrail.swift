/// What only AWS knows about a trail: where CloudTrail also delivers it.
public struct AWSTrail: ResourceSection {
    private init?(_: Never) { return nil } // the public init is generated: scripts/generate-model.py
    public static let kind = ResourceKind.trail
    public static let provider = ProviderID.aws

    /// CloudWatch Logs group ARN
    public var cloudWatchLogsGroup: String?
}

extension Trail {
    /// The AWS section; reading it from a resource without one gives an empty section.
    public var aws: AWSTrail {
        get { sections[AWSTrail.self] ?? AWSTrail() }
        set { sections[AWSTrail.self] = newValue }
    }
}
