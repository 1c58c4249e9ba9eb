import Model
import ProviderAWS
import ProviderKit

/// The providers this build of posture knows: the one place the executable lists them. A new
/// provider is one line here and its option group in `LiveOptions`.
enum Providers {
    static func registry() throws(CatalogError) -> ProviderRegistry {
        try ProviderRegistry([AWSProvider()])
    }
}
