/// AWS Config items of the Audit domain as API answers. (Being built.)
enum AWSConfigAudit {
    static func documents(for item: ConfigurationItem) -> RawSnapshot {
        var snapshot = RawSnapshot()
        snapshot.ignored.append("\(item.source): \(item.resourceType) items are not read yet")
        return snapshot
    }
}
