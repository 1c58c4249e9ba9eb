import CEL

extension AttachedPolicy {
    /// Written by hand (`cel-manual`): a managed policy's document is the same wherever it is
    /// attached, so it is converted once per conversion and shared.
    public func celValue(_ conversion: inout CELConversion) -> CELValue {
        var fields = CELMap.Fields(capacity: 5)
        fields.append(FieldKeys.name, .string(name))
        fields.append(FieldKeys.arn, ifPresent: arn.map(CELValue.string))
        fields.append(FieldKeys.managedBy, .string(managedBy.rawValue))
        fields.append(FieldKeys.viaGroup, ifPresent: viaGroup.map(CELValue.string))
        if let arn, managedBy != .inline {
            if let cached = conversion.documents[arn] {
                fields.append(FieldKeys.document, cached)
            } else {
                let converted = document.celValue(&conversion)
                conversion.documents[arn] = converted
                fields.append(FieldKeys.document, converted)
            }
        } else {
            fields.append(FieldKeys.document, document.celValue(&conversion))
        }
        return .map(CELMap(fields))
    }
}
