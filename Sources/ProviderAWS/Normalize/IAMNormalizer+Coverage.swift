import Foundation
import Model
import ProviderKit

extension IAMNormalizer {
    /// Which IAM data sets each account's input held, and which of them could not be read in
    /// full. A data set with any failure is left out of the account's coverage even when
    /// other documents for it read, so that the policies needing it say "not assessed"
    /// rather than pass on half the data. Applied with every account met, so that an account
    /// whose only IAM document failed still appears with its gap.
    struct Coverage {
        private var ledger = CoverageLedger()

        mutating func read(_ dataSet: DataSet, account: String) { ledger.saw(dataSet.rawValue, account: account) }

        mutating func fail(_ dataSet: DataSet, account: String) { ledger.fail(dataSet.rawValue, account: account) }

        func isCovered(_ dataSet: DataSet, account: String) -> Bool { ledger.covers(dataSet.rawValue, account: account) }

        func apply(to context: inout NormalizationContext) { ledger.apply(to: &context, includingFailed: true) }
    }

    /// The account an ARN names when it is a real account id (12 digits); otherwise
    /// `fallback`. `arn:aws:iam::aws:policy/…` names AWS itself, and hand-made exports
    /// (CloudMapper's demo) use `aws` for users too: those belong to the snapshot's account.
    static func account(of arn: String?, fallback: String) -> String {
        guard let arn, let account = NormalizationContext.account(inARN: arn), account.utf8.count == 12,
              account.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return fallback }
        return account
    }

    /// A collection error for one IAM document or element, charged to `account`.
    static func note(_ context: inout NormalizationContext, _ document: SnapshotDocument, account: String,
                     code: String? = nil, _ message: String) {
        context.record(SnapshotError(source: document.source, call: document.call, region: document.region, code: code, message: message),
                       dataSet: document.call.dataSet, account: account)
    }
}
