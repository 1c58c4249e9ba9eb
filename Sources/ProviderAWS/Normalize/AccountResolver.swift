import Foundation

/// Works out which account a snapshot belongs to when its documents do not say.
enum AccountResolver {
    static func defaultAccount(_ snapshot: RawSnapshot) -> String {
        if let account = snapshot.manifestAccount { return account }
        struct CallerIdentity: Decodable { var Account: String }
        for document in snapshot.documents(.getCallerIdentity) {
            if let identity = try? document.decode(CallerIdentity.self) { return identity.Account }
        }
        // Any ARN in the data names the account (authorization details, trails, credential report).
        for document in snapshot.documents where document.call == .getAccountAuthorizationDetails || document.call == .describeTrails {
            switch document.payload {
            case let .json(data):
                if let text = String(data: data.prefix(65_536), encoding: .utf8), let account = account(in: text) { return account }
            case let .value(value):
                for arn in (value as? AccountEvidence)?.arnsNamingAccount ?? [] {
                    if let account = account(in: arn) { return account }
                }
            case .error:
                break
            }
        }
        return "unknown"
    }

    /// The account of the first IAM or CloudTrail ARN in `text`.
    private static func account(in text: String) -> String? {
        guard let range = text.range(of: #"arn:aws[a-z-]*:(iam|cloudtrail):[a-z0-9-]*:\d{12}:"#, options: .regularExpression) else { return nil }
        return NormalizationContext.account(inARN: String(text[range]) + "x")
    }
}

/// A typed answer (an AWS Config item's) that can name the snapshot's account as a JSON body's
/// text does: the strings that may be IAM or CloudTrail ARNs, in the order the CLI's printed
/// answer would hold them.
protocol AccountEvidence {
    var arnsNamingAccount: [String] { get }
}

extension CloudTrailDescribeTrails: AccountEvidence {
    /// A trail's name may be its ARN; `TrailARN` follows it in the printed (sorted) answer.
    var arnsNamingAccount: [String] { (trailList ?? []).flatMap { [$0.name, $0.trailARN].compactMap { $0 } } }
}

extension IAMAuthorizationDetails: AccountEvidence {
    var arnsNamingAccount: [String] {
        func arns<Detail>(_ list: [IAMLossy<Detail>]?, _ arn: (Detail) -> String?) -> [String] {
            (list ?? []).compactMap { $0.value.flatMap(arn) ?? $0.arn }
        }
        return arns(UserDetailList) { $0.Arn } + arns(GroupDetailList) { $0.Arn } + arns(RoleDetailList) { $0.Arn } + arns(Policies) { $0.Arn }
    }
}
