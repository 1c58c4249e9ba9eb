import CEL
import Model
