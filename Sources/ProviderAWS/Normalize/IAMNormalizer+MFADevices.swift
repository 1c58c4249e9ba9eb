import Foundation
import Model

extension IAMNormalizer {
    /// `list-virtual-mfa-devices`: each assigned device goes to its user (by `User.Arn`),
    /// whose MFA is then enabled; the root user's virtual device makes `rootHardwareMFA` false.
    static func applyVirtualMFADevices(_ context: inout NormalizationContext, run: inout Run) {
        for document in context.documents(.listVirtualMFADevices) {
            let fallback = context.defaultAccount
            guard let answer = context.decode(document, as: IAMAccountDocuments.VirtualMFADevices.self, account: fallback) else {
                run.coverage.fail(.mfaDevices, account: fallback)
                continue
            }
            run.coverage.read(.mfaDevices, account: fallback)
            for device in answer.VirtualMFADevices ?? [] {
                // Unassigned devices (no user) protect nobody.
                guard let serial = device.SerialNumber, let owner = device.User?.Arn else { continue }
                let account = account(of: owner, fallback: account(of: serial, fallback: fallback))
                run.coverage.read(.mfaDevices, account: account)
                let mfa = MFADevice(serial: serial, kind: .virtual, enabled: device.EnableDate)
                if owner.hasSuffix(":root") {
                    context.update(account) { facts in
                        facts.rootHardwareMFA = false
                        facts.rootMFA = facts.rootMFA ?? .enabled
                    }
                }
                // Users no other input named are not invented from a device listing.
                guard let position = run.position(of: owner) else { continue }
                run.identities[position].mfaDevices.append(mfa)
                run.identities[position].mfa = .enabled
            }
        }
    }

    /// Root MFA enabled, the virtual-device listing read, and no virtual device for root:
    /// the root device is a hardware one.
    static func deriveRootHardwareMFA(_ context: inout NormalizationContext, run: Run) {
        for account in context.accounts.keys where run.coverage.isCovered(.mfaDevices, account: account) {
            context.update(account) { facts in
                if facts.rootHardwareMFA == nil, facts.rootMFA == .enabled { facts.rootHardwareMFA = true }
            }
        }
    }
}
