export { PROVIDER_IDS, isProviderId, type ProviderId } from './providerId'
export {
  DEAL_FIELDS,
  PROVIDER_CAPABILITIES,
  capabilitiesOf,
  type DealField,
  type DealFieldCapability,
  type ProviderCapabilities,
  type SectionId
} from './capabilities'
