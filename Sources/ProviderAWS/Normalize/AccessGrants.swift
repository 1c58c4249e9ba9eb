import Model

/// AWS's policies and ACLs as neutral grants (`identity.grants`, `bucket.grants`): one grant per
/// Allow statement (and, on a resource, per principal it names), one per ACL entry. Deny
/// statements are not grants; they stay in the AWS section's documents.
enum AccessGrants {
    /// What an identity may do: the Allow statements of its effective policy set.
    static func of(identity id: String, policies: [AttachedPolicy]) -> [AccessGrant] {
        policies.flatMap { policy in
            let via = policy.viaGroup.map { "\(policy.name) (via group \($0))" } ?? policy.name
            return policy.document.statements.filter { $0.effect == .allow }.map { statement in
                grant(statement, principal: id, via: via)
            }
        }
    }

    /// Who may act on a bucket: its policy's Allow statements, one grant per principal, and its
    /// ACL entries (`acl:READ`, …). AllUsers is `*`, as an Allow for `"*"` is.
    static func of(bucketPolicy policy: PolicyDocument?, acl: [ACLGrant]) -> [AccessGrant] {
        var grants: [AccessGrant] = []
        for statement in policy?.statements ?? [] where statement.effect == .allow {
            let via = "bucket policy" + (statement.sid.map { " statement \($0)" } ?? "")
            if !statement.notPrincipals.isEmpty {
                // NotPrincipal with Allow: everyone except those named.
                var everyoneBut = grant(statement, principal: "*", via: via)
                let excluded = statement.notPrincipals.map(principal).joined(separator: ", ")
                everyoneBut.condition = ["except \(excluded)", everyoneBut.condition].compactMap { $0 }.joined(separator: "; ")
                grants.append(everyoneBut)
            }
            for named in statement.principals { grants.append(grant(statement, principal: principal(named), via: via)) }
        }
        for entry in acl {
            let who = entry.grantee == BucketExposure.allUsers ? "*" : entry.grantee
            grants.append(AccessGrant(principal: who, actions: ["acl:\(entry.permission)"], notActions: [], scope: ["*"], notScope: [],
                                      condition: nil, via: "ACL"))
        }
        return grants
    }

    private static func grant(_ statement: Statement, principal: String, via: String) -> AccessGrant {
        AccessGrant(principal: principal, actions: statement.actions, notActions: statement.notActions,
                    scope: statement.resources.isEmpty && statement.notResources.isEmpty ? ["*"] : statement.resources,
                    notScope: statement.notResources, condition: condition(statement.conditions), via: via)
    }

    /// An AWS principal as one string: the account, ARN or `*` for AWS principals, else
    /// `Type:id` (`Service:cloudtrail.amazonaws.com`).
    private static func principal(_ principal: Principal) -> String {
        principal.type == "AWS" ? principal.id : "\(principal.type):\(principal.id)"
    }

    /// `StringEquals aws:SourceVpce=vpce-1,vpce-2; Bool aws:SecureTransport=true`; nil when none.
    private static func condition(_ conditions: [Condition]) -> String? {
        guard !conditions.isEmpty else { return nil }
        return conditions.map { "\($0.operator) \($0.key)=\($0.values.joined(separator: ","))" }.joined(separator: "; ")
    }
}
