/// AWS Config items of the S3 domain as API answers. (Being built.)
enum AWSConfigS3 {
    static func documents(for item: ConfigurationItem) -> RawSnapshot {
        var snapshot = RawSnapshot()
        snapshot.ignored.append("\(item.source): \(item.resourceType) items are not read yet")
        return snapshot
    }
}
