/// AWS Config items of the IAM domain as API answers. (Being built.)
enum AWSConfigIAM {
    static func documents(for item: ConfigurationItem) -> RawSnapshot {
        var snapshot = RawSnapshot()
        snapshot.ignored.append("\(item.source): \(item.resourceType) items are not read yet")
        return snapshot
    }
}
